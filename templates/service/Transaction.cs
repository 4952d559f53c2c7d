namespace ModelService;

/// <summary>One card transaction to score; the columns the model was trained on.</summary>
public sealed class Transaction
{
    public float Amount { get; set; }

    public float Hour { get; set; }

    public float DistanceKm { get; set; }

    public float MerchantRisk { get; set; }

    public float Velocity { get; set; }

    /// <summary>The label column of the training data; unused when scoring.</summary>
    public bool IsFraud { get; set; }

    /// <summary>A transaction that looks risky: large, at night, far from home, at a risky merchant, in a burst.</summary>
    public static Transaction Sample => new() { Amount = 380, Hour = 3, DistanceKm = 420, MerchantRisk = 0.9f, Velocity = 7 };
}
