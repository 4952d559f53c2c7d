using ModelRegistry.Reports;

namespace ModelRegistry.Tests.Reports;

public sealed class HtmlTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("a \"b\" 'c' & d", "a &quot;b&quot; &#39;c&#39; &amp; d")]
    [InlineData("abc\u202Edef\u2066\u200F", "abc&#x202E;def&#x2066;&#x200F;")]
    [InlineData("bell\u0007", "bell\uFFFD")]
    [InlineData("line\nbreak", "line\nbreak")]
    [InlineData("", "")]
    public void Stored_text_is_escaped_for_text_and_attributes(string text, string expected) =>
        Assert.Equal(expected, Html.Encode(text));

    [Theory]
    [InlineData("https://github.com/o/r/actions/runs/1", true)]
    [InlineData("http://ci.example/run/1", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("//evil.example/x", false)]
    [InlineData("file:///etc/passwd", false)]
    public void Only_http_urls_are_linked(string url, bool linked) =>
        Assert.Equal(linked, Html.SafeUrl(url) is not null);

    [Theory]
    [InlineData("https://github.com/contoso/fraud.git", "https://github.com/contoso/fraud/commit/0123abc")]
    [InlineData("git@github.com:contoso/fraud.git", "https://github.com/contoso/fraud/commit/0123abc")]
    [InlineData("https://github.com/contoso/fraud", "https://github.com/contoso/fraud/commit/0123abc")]
    [InlineData("https://dev.azure.com/contoso/_git/fraud", null)]
    [InlineData("https://github.com/contoso/fraud/../../x", null)]
    public void A_commit_is_linked_on_GitHub_only_when_the_remote_is_GitHub(string remote, string? expected) =>
        Assert.Equal(expected, RecipeFields.CommitUrl(remote, "0123abc"));
}
