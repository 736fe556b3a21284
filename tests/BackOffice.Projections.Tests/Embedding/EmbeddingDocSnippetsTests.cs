namespace BackOffice.Projections.Tests.Embedding;

/// <summary>
/// docs/embedding.md shows regions of samples/BackOffice.Sample (which CI compiles and runs against the packages): each
/// marked block must still be its region's current text (issue 20), and every region of the sample must be shown.
/// </summary>
public class EmbeddingDocSnippetsTests
{
    private const string Page = "docs/embedding.md";
    private const string Sample = "samples/BackOffice.Sample/Program.cs";

    [Fact]
    public void Every_marked_snippet_of_the_embedding_guide_is_its_region_in_the_sample()
    {
        var root = RepositoryRoot();
        var markdown = File.ReadAllText(Path.Combine(root, Page));
        DocSnippets.Drift(Page, markdown, path => File.Exists(Path.Combine(root, path)) ? File.ReadAllText(Path.Combine(root, path)) : null)
            .ShouldBeEmpty();

        var shown = DocSnippets.Marked(markdown).Where(s => s.File == Sample).Select(s => s.Region).ToHashSet();
        var regions = DocSnippets.Regions(File.ReadAllText(Path.Combine(root, Sample))).Keys;
        regions.ShouldNotBeEmpty();
        regions.Where(r => !shown.Contains(r)).ShouldBeEmpty($"regions of {Sample} that {Page} does not show");
    }

    private const string Source = """
        var before = 1;
        #region demo
        // The demo.
        await using (var session = store.LightweightSession(tenant))
        {
            session.Store(new Thing { Name = "x" });     // aligned comment
        }
        #endregion
        """;

    private static string Page_(string code) => $"""
        # Guide

        <!-- snippet: src/Demo.cs#demo -->
        ```csharp
        {code}
        ```
        """;

    private static IReadOnlyList<string> DriftOf(string markdown) => DocSnippets.Drift("guide.md", markdown, path => path == "src/Demo.cs" ? Source : null);

    [Fact]
    public void A_snippet_equal_to_its_region_but_for_whitespace_passes()
        => DriftOf(Page_("""
            // The demo.

            await using (var session = store.LightweightSession(tenant))
            {
              session.Store(new Thing { Name = "x" }); // aligned comment
            }
            """)).ShouldBeEmpty();

    [Fact]
    public void A_drifted_snippet_fails_naming_its_region_and_the_line_that_differs()
    {
        var drift = DriftOf(Page_("""
            // The demo.
            await using (var session = store.LightweightSession(tenant))
            {
                session.Store(new Thing { Name = "y" });     // aligned comment
            }
            """));
        drift.Count.ShouldBe(1);
        drift[0].ShouldContain("region 'demo'");
        drift[0].ShouldContain("guide.md line 3");
        drift[0].ShouldContain("Name = \"x\"");
        drift[0].ShouldContain("Name = \"y\"");
    }

    [Fact]
    public void A_snippet_missing_a_line_of_its_region_fails()
        => DriftOf(Page_("""
            // The demo.
            await using (var session = store.LightweightSession(tenant))
            {
            }
            """)).ShouldHaveSingleItem().ShouldContain("region 'demo'");

    [Fact]
    public void A_snippet_naming_a_region_or_file_that_does_not_exist_fails()
    {
        DriftOf(Page_("x").Replace("#demo", "#gone", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain("region 'gone' is not in src/Demo.cs");
        DriftOf(Page_("x").Replace("src/Demo.cs", "src/Gone.cs", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldContain("file src/Gone.cs not found");
    }

    /// <summary>The repository's root, found from the test binaries upwards (never CallerFilePath: CI maps source paths to /_/).</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BackOffice.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException($"BackOffice.slnx is not above {AppContext.BaseDirectory}.");
    }
}
