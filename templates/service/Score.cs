namespace ModelService;

/// <summary>The answer of POST /score: the prediction and exactly which model version made it.</summary>
public sealed record Score(bool IsFraud, float Probability, string Model, int Version, string Digest);
