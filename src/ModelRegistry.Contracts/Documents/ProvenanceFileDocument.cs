namespace ModelRegistry;

/// <summary>The document of <c>provenance --output</c>: where the statement was written and how many subjects (artifact
/// files) it names. Without <c>--output</c> the tool prints the in-toto statement itself.</summary>
/// <param name="Provenance">The full path of the statement file.</param>
/// <param name="Subjects">The number of subjects in the statement.</param>
public sealed record ProvenanceFileDocument(string Provenance, int Subjects);
