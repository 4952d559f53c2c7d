namespace ModelRegistry.Retention;

/// <summary>What <c>retention set</c> or <c>retention clear</c> asks for.</summary>
public sealed record RetentionChange
{
    /// <summary>The model whose override changes; null for the registry default.</summary>
    public string? Model { get; init; }

    /// <summary>The rules to set; fields left null keep their current value. Ignored when <see cref="Clear"/>.</summary>
    public RetentionPolicy Policy { get; init; } = new();

    /// <summary>Removes the model's override (or the default, which then keeps everything).</summary>
    public bool Clear { get; init; }

    /// <summary>Replaces the whole policy (default and every override) with this one: <c>retention apply &lt;file&gt;</c>.</summary>
    public RetentionRevision? Replace { get; init; }

    public string? Reason { get; init; }

    public string? Actor { get; init; }
}
