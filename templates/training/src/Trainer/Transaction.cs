using Microsoft.ML.Data;

namespace ModelTraining.Trainer;

/// <summary>One card transaction, as a row of data/transactions.csv.</summary>
public sealed class Transaction
{
    [LoadColumn(0)]
    public float Amount { get; set; }

    [LoadColumn(1)]
    public float Hour { get; set; }

    [LoadColumn(2)]
    public float DistanceKm { get; set; }

    [LoadColumn(3)]
    public float MerchantRisk { get; set; }

    [LoadColumn(4)]
    public float Velocity { get; set; }

    [LoadColumn(5)]
    public bool IsFraud { get; set; }
}
