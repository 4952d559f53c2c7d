namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>One request the fake received, for assertions (no headers: they carry the token).</summary>
public sealed record FakeRequest(string Method, string Path, string Operation, int Status, string Body);
