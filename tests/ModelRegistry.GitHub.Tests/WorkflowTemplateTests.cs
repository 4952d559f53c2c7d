using System.Text.RegularExpressions;
using Xunit;

namespace ModelRegistry.GitHub.Tests;

/// <summary>
/// The workflow templates users copy: each grants only the permissions it declares, the promoting jobs wait for the
/// production environment, the signing key reaches only the one step that signs, in a job that runs in a protected
/// environment, and no untrusted value is pasted into a shell script (inputs and event fields reach scripts through
/// env only, so a crafted branch name or input cannot run commands).
/// </summary>
public sealed partial class WorkflowTemplateTests
{
    public static TheoryData<string> Templates() => [.. Directory.EnumerateFiles(Folder(), "*.yml").Select(Path.GetFileName).OfType<string>()];

    [GeneratedRegex(@"^\s*(?:-\s*)?run:\s*(?<script>.*)$")]
    private static partial Regex RunLine();

    [Theory]
    [MemberData(nameof(Templates))]
    public void Each_template_declares_its_permissions_and_grants_no_blanket_write(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder(), name));

        Assert.Matches(new Regex("^permissions:", RegexOptions.Multiline), text);
        Assert.DoesNotContain("write-all", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void No_script_line_expands_an_expression(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder(), name));
        var scripts = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = RunLine().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            scripts.Add(match.Groups["script"].Value);
            // A block scalar's lines are indented deeper than the 'run:' key itself.
            var key = lines[i].IndexOf("run:", StringComparison.Ordinal);
            for (var j = i + 1; j < lines.Length && (lines[j].Trim().Length == 0 || lines[j].Length - lines[j].TrimStart().Length > key); j++)
            {
                scripts.Add(lines[j]);
            }
        }

        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.DoesNotContain("${{", script, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("model-registry-promote.yml", "--github-run \"$GITHUB_RUN_ID\"")]
    [InlineData("model-registry-rollback.yml", "--github-run \"$GITHUB_RUN_ID\"")]
    public void Promoting_jobs_wait_for_the_production_environment_and_prove_its_approval(string name, string verification)
    {
        var text = File.ReadAllText(Path.Combine(Folder(), name));

        Assert.Contains("environment: production", text, StringComparison.Ordinal);
        Assert.Contains("actions: read", text, StringComparison.Ordinal);
        Assert.Contains("deployments: write", text, StringComparison.Ordinal);
        Assert.Contains(verification, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void The_signing_key_reaches_only_single_steps_of_jobs_that_run_in_an_environment(string name)
    {
        var jobs = Jobs(File.ReadAllLines(Path.Combine(Folder(), name)));

        Assert.All(jobs.Where(job => job.Lines.Any(l => l.Contains(SigningSecret, StringComparison.Ordinal))), job =>
        {
            Assert.Contains(job.Lines, l => l.StartsWith("    environment: ", StringComparison.Ordinal));
            // Step-level env only (ten spaces): a job-level key would reach the training and checkout steps too.
            Assert.All(job.Lines.Where(l => l.Contains(SigningSecret, StringComparison.Ordinal)), l =>
                Assert.Equal($"          {SigningVariable}: ${{{{ {SigningSecret} }}}}", l));
        });
        Assert.DoesNotMatch(new Regex($@"^\S.*{Regex.Escape(SigningSecret)}", RegexOptions.Multiline), File.ReadAllText(Path.Combine(Folder(), name)));
    }

    [Theory]
    [InlineData("model-registry-promote.yml", "promote", "production", "--github-run")]
    [InlineData("model-registry-rollback.yml", "rollback", "production", "--github-run")]
    [InlineData("model-registry-register.yml", "register", "model-registry-register", "dotnet model-registry register")]
    public void Promotions_rollbacks_and_registrations_sign_in_their_environment(string name, string job, string environment, string command)
    {
        var lines = Assert.Single(Jobs(File.ReadAllLines(Path.Combine(Folder(), name))), j => j.Name == job).Lines;
        var steps = Steps(lines);

        Assert.Contains($"    environment: {environment}", lines);
        var signing = Assert.Single(steps, step => step.Any(l => l.Contains(SigningSecret, StringComparison.Ordinal)));
        Assert.Contains(signing, l => l.Contains(command, StringComparison.Ordinal));
    }

    [Fact]
    public void The_promotion_workflow_takes_exactly_the_inputs_promote_request_dispatches()
    {
        var text = File.ReadAllText(Path.Combine(Folder(), "model-registry-promote.yml"));
        var inputs = Regex.Matches(text, @"^      (?<name>[a-z_]+):\s*$", RegexOptions.Multiline).Select(m => m.Groups["name"].Value);

        Assert.Equal(["model", "version", "expect_current", "allow_breaking_schema"], inputs);
        Assert.Equal(Deployments.PromotionDispatchRequest.DefaultWorkflow, "model-registry-promote.yml");
    }

    [Theory]
    [InlineData("Amounts in cents.\r\n\r\nAllow-Breaking-Schema: the amount is in cents from now on\r\n", "the amount is in cents from now on")]
    [InlineData("Allow-Breaking-Schema:   $(touch pwned); `touch pwned` \"${HOME}\" && touch pwned\nAllow-Breaking-Schema: a second reason", "$(touch pwned); `touch pwned` \"${HOME}\" && touch pwned")]
    [InlineData("Retrained on November's data; the schema is unchanged.", null)]
    [InlineData("", null)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // GitHub's runners run the step with bash
    public void The_merged_pull_requests_promotion_takes_a_breaking_schema_reason_from_its_description_as_one_argument(string body, string? reason)
    {
        using var work = new TempFolder("mrb-workflow-");
        var job = Assert.Single(Jobs(File.ReadAllLines(Path.Combine(Folder(), "model-registry-pull-request.yml"))), j => j.Name == "promote").Lines;
        var step = Assert.Single(Steps(job), s => s.Contains("      - name: Promote the merged candidate"));
        var script = step.SkipWhile(l => l != "        run: |").Skip(1).TakeWhile(l => l.StartsWith("          ", StringComparison.Ordinal)).Select(l => l[10..]);
        File.WriteAllLines(work.Combine("step.sh"), script);
        // A dotnet that records its arguments, one per NUL-terminated field.
        Directory.CreateDirectory(work.Combine("bin"));
        File.WriteAllText(work.Combine("bin", "dotnet"), "#!/bin/bash\nprintf '%s\\0' \"$@\" > \"$ARGUMENTS\"\n");
        File.SetUnixFileMode(work.Combine("bin", "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var bash = new System.Diagnostics.ProcessStartInfo("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", work.Combine("step.sh")]) { WorkingDirectory = work.Path };
        bash.Environment["PATH"] = work.Combine("bin") + ":/usr/bin:/bin";
        bash.Environment["ARGUMENTS"] = work.Combine("arguments");
        bash.Environment["MODEL_NAME"] = "FraudDetection";
        bash.Environment["PR"] = "42";
        bash.Environment["PR_BODY"] = body;

        using var process = System.Diagnostics.Process.Start(bash)!;
        process.WaitForExit();

        Assert.Equal(0, process.ExitCode);
        var arguments = File.ReadAllText(work.Combine("arguments")).TrimEnd('\0').Split('\0');
        string[] promote = ["model-registry", "promote", "FraudDetection@pr-42", "--to", "Production", "--github-pr", "42"];
        Assert.Equal(reason is null ? promote : [.. promote, "--allow-breaking-schema", reason], arguments);
        Assert.False(File.Exists(work.Combine("pwned")));
    }

    [Fact]
    public void The_site_workflow_regenerates_after_every_workflow_that_changes_the_registry_and_deploys_to_pages()
    {
        var text = File.ReadAllText(Path.Combine(Folder(), "model-registry-report.yml"));
        var watched = Regex.Match(text, @"^    workflows: \[(?<names>[^\]]+)\]", RegexOptions.Multiline).Groups["names"].Value.Split(", ");
        var changing = Directory.EnumerateFiles(Folder(), "*.yml")
            .Where(f => !f.EndsWith("model-registry-report.yml", StringComparison.Ordinal))
            .Select(f => Regex.Match(File.ReadAllText(f), "^name: (?<name>.+)$", RegexOptions.Multiline).Groups["name"].Value.Trim());

        Assert.Equal(changing.Order(StringComparer.Ordinal), watched.Order(StringComparer.Ordinal));
        Assert.Contains("run: dotnet model-registry report --output site", text, StringComparison.Ordinal);
        Assert.Contains("uses: actions/upload-pages-artifact@v3", text, StringComparison.Ordinal);
        Assert.Contains("uses: actions/deploy-pages@v4", text, StringComparison.Ordinal);
        Assert.Contains("pages: write", text, StringComparison.Ordinal);
        Assert.Contains("id-token: write", text, StringComparison.Ordinal);
    }

    private const string SigningVariable = "MODEL_REGISTRY_SIGNING_KEY";

    private const string SigningSecret = "secrets." + SigningVariable;

    /// <summary>The jobs of a workflow: each name (two spaces in under <c>jobs:</c>) and its lines.</summary>
    private static List<(string Name, List<string> Lines)> Jobs(string[] lines)
    {
        var jobs = new List<(string Name, List<string> Lines)>();
        var start = Array.IndexOf(lines, "jobs:");
        for (var i = start + 1; start >= 0 && i < lines.Length && (lines[i].Length == 0 || lines[i].StartsWith(' ')); i++)
        {
            if (Regex.Match(lines[i], @"^  (?<name>[\w-]+):\s*$") is { Success: true } job)
            {
                jobs.Add((job.Groups["name"].Value, []));
            }
            else if (jobs.Count > 0)
            {
                jobs[^1].Lines.Add(lines[i]);
            }
        }

        return jobs;
    }

    /// <summary>A job's steps, each the lines from its <c>- </c> (six spaces in) to the next.</summary>
    private static List<List<string>> Steps(List<string> job)
    {
        var steps = new List<List<string>>();
        foreach (var line in job.SkipWhile(l => l != "    steps:").Skip(1))
        {
            if (line.StartsWith("      - ", StringComparison.Ordinal))
            {
                steps.Add([]);
            }

            if (steps.Count > 0)
            {
                steps[^1].Add(line);
            }
        }

        return steps;
    }

    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "templates", "workflows");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("templates/workflows was not found above the test folder.");
    }
}
