using Microsoft.ML.Data;

namespace ModelService;

/// <summary>The model's answer for one transaction.</summary>
public sealed class FraudPrediction
{
    [ColumnName("PredictedLabel")]
    public bool IsFraud { get; set; }

    public float Probability { get; set; }
}
