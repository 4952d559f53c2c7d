namespace ModelRegistry.Storage;

/// <summary>What a create-only write found.</summary>
public enum CreateOutcome
{
    Created,
    AlreadyExists,
}
