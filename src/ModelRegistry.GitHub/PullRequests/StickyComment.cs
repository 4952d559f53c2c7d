using ModelRegistry.GitHub.Api;

namespace ModelRegistry.GitHub.PullRequests;

/// <summary>
/// One comment per model on a pull request, found again by its hidden marker and updated in place. A create that
/// failed with a 5xx is read back before it is sent again, so a flaky gateway cannot leave two comments.
/// </summary>
internal sealed class StickyComment(GitHubApi api)
{
    public async Task<PostedComment> UpsertAsync(int number, string marker, string body, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(number, marker, cancellationToken);
        if (existing is not null)
        {
            var updated = await api.SendAsync(
                new GitHubOperation($"updating comment {existing.Id} on pull request #{number} of {api.Repository}", "pull-requests: write", OperationKind.IdempotentWrite),
                client => client.Issue.Comment.Update(api.Repository.Owner, api.Repository.Name, existing.Id, body),
                cancellationToken: cancellationToken);
            return new PostedComment(updated.Id, updated.HtmlUrl, Created: false);
        }

        var created = await api.SendAsync(
            new GitHubOperation($"commenting on pull request #{number} of {api.Repository}", "pull-requests: write", OperationKind.Create),
            async client =>
            {
                var made = await client.Issue.Comment.Create(api.Repository.Owner, api.Repository.Name, number, body);
                return new PostedComment(made.Id, made.HtmlUrl, Created: true);
            },
            () => FindAsync(number, marker, cancellationToken),
            cancellationToken: cancellationToken);
        return created;
    }

    private async Task<PostedComment?> FindAsync(int number, string marker, CancellationToken cancellationToken)
    {
        var comments = await api.SendAsync(
            new GitHubOperation($"reading the comments of pull request #{number} of {api.Repository}", "pull-requests: read"),
            client => client.Issue.Comment.GetAllForIssue(api.Repository.Owner, api.Repository.Name, number),
            cancellationToken: cancellationToken);
        var found = comments.FirstOrDefault(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true);
        return found is null ? null : new PostedComment(found.Id, found.HtmlUrl, Created: false);
    }
}
