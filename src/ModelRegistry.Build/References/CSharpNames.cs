namespace ModelRegistry.Build.References;

/// <summary>C# identifiers for names the registry allows: a model name, a schema column name.</summary>
internal static class CSharpNames
{
    // The reserved keywords of C#: a column named "class" becomes the property @class.
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override", "params",
        "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof",
        "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint",
        "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Characters other than ASCII letters, digits and '_' become '_', and a leading digit gets a '_'.</summary>
    public static string Identifier(string name)
    {
        var identifier = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_')]);
        return identifier.Length == 0 || char.IsAsciiDigit(identifier[0]) ? "_" + identifier : identifier;
    }

    /// <summary>How the identifier is written in source: a keyword gets the verbatim '@'.</summary>
    public static string Source(string identifier) => Keywords.Contains(identifier) ? "@" + identifier : identifier;

    public static string Literal(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string Xml(string value) => value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
