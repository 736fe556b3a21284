using PublicApiGenerator;

namespace BackOffice.Projections.Tests;

/// <summary>
/// The packable assemblies' public API is a contract with embedders: any change to it shows up here as a diff against
/// the approved text, to be reviewed (and the approved file updated) on purpose.
/// Update: BACKOFFICE_APPROVE_API=1 dotnet test --filter PublicApiTests, then review the diff of tests/.../PublicApi/.
/// </summary>
public class PublicApiTests
{
    [Theory]
    [InlineData("BackOffice.Domain")]
    [InlineData("BackOffice.Projections")]
    public void The_public_api_is_the_approved_one(string assemblyName)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies().SingleOrDefault(a => a.GetName().Name == assemblyName)
            ?? System.Reflection.Assembly.Load(assemblyName);
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var approved = Path.Combine(SourceDirectory(), "PublicApi", assemblyName + ".approved.txt");
        if (Environment.GetEnvironmentVariable("BACKOFFICE_APPROVE_API") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approved)!);
            File.WriteAllText(approved, api);
        }
        File.Exists(approved).ShouldBeTrue($"No approved API for {assemblyName}: run with BACKOFFICE_APPROVE_API=1 and review.");
        api.ShouldBe(File.ReadAllText(approved).ReplaceLineEndings("\n"), $"The public API of {assemblyName} changed: review, then approve with BACKOFFICE_APPROVE_API=1.");
    }

    /// <summary>
    /// The test project's source folder, found from the test binaries (bin/&lt;config&gt;/&lt;tfm&gt;) upwards. Not from
    /// CallerFilePath: deterministic CI builds map source paths to "/_/", which exists on no disk.
    /// </summary>
    private static string SourceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BackOffice.Projections.Tests.csproj")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"BackOffice.Projections.Tests.csproj is not above {AppContext.BaseDirectory}.");
    }
}
