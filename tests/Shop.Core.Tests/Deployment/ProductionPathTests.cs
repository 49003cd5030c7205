using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Shop.Core.Data;
using YamlDotNet.RepresentationModel;

namespace Shop.Core.Tests.Deployment;

/// <summary>
/// No Docker engine runs here, so these keep the docker-compose path honest without one: every Dockerfile and project
/// the compose file names exists, the services are wired as the README says, and both providers' migration scripts
/// are generated and create the same tables.
/// </summary>
public partial class ProductionPathTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Shop.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Shop.sln not found above the test output");
    }

    private static YamlMappingNode Services()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services()[name];

    /// <summary>An environment value, following the `<<: *shop-environment` merge the services share.</summary>
    private static string Env(string service, string key)
    {
        var environment = (YamlMappingNode)Service(service)["environment"];
        if (environment.Children.TryGetValue(key, out var value)) return ((YamlScalarNode)value).Value!;
        var merged = (YamlMappingNode)environment["<<"];
        return ((YamlScalarNode)merged[key]).Value!;
    }

    [Fact]
    public void Every_dockerfile_and_project_the_compose_file_builds_exists()
    {
        var built = 0;
        foreach (var (name, node) in Services().Children)
        {
            if (!((YamlMappingNode)node).Children.TryGetValue("build", out var build)) continue;
            var context = Path.GetFullPath(Path.Combine(Root, ((YamlScalarNode)((YamlMappingNode)build)["context"]).Value!));
            var dockerfile = Path.Combine(context, ((YamlScalarNode)((YamlMappingNode)build)["dockerfile"]).Value!);
            Assert.True(File.Exists(dockerfile), $"{name}: {dockerfile} is missing");
            var lines = File.ReadAllLines(dockerfile);
            Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build"));
            Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0"));
            Assert.Contains(lines, l => l.StartsWith("USER $APP_UID"));
            foreach (var line in lines.Where(l => l.StartsWith("COPY ") && !l.Contains("--from")))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
                Assert.All(parts, source => Assert.True(File.Exists(Path.Combine(context, source)) || Directory.Exists(Path.Combine(context, source)),
                    $"{name}: {Path.GetFileName(dockerfile)} copies {source}, which does not exist"));
            }
            var published = lines.Select(l => PublishLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).Single();
            Assert.True(File.Exists(Path.Combine(context, published)), $"{name}: publishes {published}, which does not exist");
            built++;
        }
        Assert.Equal(3, built);
    }

    [Fact]
    public void Every_project_reference_of_a_published_project_is_copied_before_restore()
    {
        foreach (var dockerfile in new[] { "src/Shop.Web/Dockerfile", "jobs/Shop.Jobs/Dockerfile" })
        {
            var lines = File.ReadAllLines(Path.Combine(Root, dockerfile));
            var project = lines.Select(l => PublishLine().Match(l)).First(m => m.Success).Groups[1].Value;
            var copied = lines.Where(l => l.StartsWith("COPY ") && l.Split(' ')[1].EndsWith(".csproj")).Select(l => l.Split(' ')[1]).ToHashSet();
            foreach (var reference in ProjectClosure(project)) Assert.Contains(reference, copied);
        }
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>([project]);
        while (queue.TryDequeue(out var current))
        {
            if (!seen.Add(current)) continue;
            var text = File.ReadAllText(Path.Combine(Root, current));
            foreach (Match m in ProjectReference().Matches(text))
            {
                var full = Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(current)!, m.Groups[1].Value.Replace('\\', '/')));
                queue.Enqueue(Path.GetRelativePath(Root, full).Replace('\\', '/'));
            }
        }
        return seen;
    }

    [Fact]
    public void Compose_runs_sql_server_a_one_shot_migration_the_web_app_and_scalable_workers_without_a_committed_password()
    {
        Assert.StartsWith("mcr.microsoft.com/mssql/server:", ((YamlScalarNode)Service("sqlserver")["image"]).Value);
        Assert.Equal("${MSSQL_SA_PASSWORD:?set MSSQL_SA_PASSWORD in .env}", Env("sqlserver", "MSSQL_SA_PASSWORD"));
        Assert.Equal("migrate", ((YamlScalarNode)((YamlSequenceNode)Service("migrate")["command"])[0]).Value);
        Assert.Equal("no", ((YamlScalarNode)Service("migrate")["restart"]).Value);

        foreach (var service in new[] { "migrate", "web", "worker" })
        {
            Assert.Equal("SqlServer", Env(service, "Database__Provider"));
            Assert.Contains("Password=${MSSQL_SA_PASSWORD:?", Env(service, "ConnectionStrings__Shop"));
        }
        Assert.Equal("false", Env("web", "Jobs__RunServer"));
        Assert.Equal("false", Env("web", "Database__MigrateOnStartup"));
        foreach (var service in new[] { "web", "worker" })
        {
            var dependsOn = (YamlMappingNode)((YamlMappingNode)Service(service)["depends_on"])["migrate"];
            Assert.Equal("service_completed_successfully", ((YamlScalarNode)dependsOn["condition"]).Value);
        }
        var worker = Service("worker");
        // `--scale worker=3` needs no fixed container name and no published host port.
        Assert.False(worker.Children.ContainsKey("container_name"));
        Assert.False(worker.Children.ContainsKey("ports"));

        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        Assert.DoesNotMatch(PasswordLiteral(), compose);
        Assert.Contains(".env", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
    }

    private static ShopDbContext Context(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<ShopDbContext>();
        ShopCoreExtensions.Configure(options, provider,
            provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Server=127.0.0.1,1;Database=Shop;User Id=sa;Password=unused;TrustServerCertificate=True",
            Path.GetTempPath());
        return new ShopDbContext(options.Options);
    }

    private static string Script(DatabaseProvider provider, MigrationsSqlGenerationOptions options)
    {
        using var db = Context(provider);
        return db.GetService<IMigrator>().GenerateScript(options: options);
    }

    [Fact]
    public void Both_providers_migration_scripts_create_the_same_tables_and_the_sql_server_one_is_idempotent()
    {
        var sqlServer = Script(DatabaseProvider.SqlServer, MigrationsSqlGenerationOptions.Idempotent);
        var sqlite = Script(DatabaseProvider.Sqlite, MigrationsSqlGenerationOptions.Default);
        // SQLite rebuilds a table to change a column ("ef_temp_Products", renamed back): not a table of the model.
        static SortedSet<string> Tables(string script) =>
            new(CreateTable().Matches(script).Select(m => m.Groups[1].Value)
                .Where(t => t != "__EFMigrationsHistory" && !t.StartsWith("ef_temp_", StringComparison.Ordinal)));
        Assert.Contains("Products", Tables(sqlServer));
        Assert.Equal(Tables(sqlite), Tables(sqlServer));

        // Every migration is guarded by its id, so running the script on a migrated database changes nothing.
        using var db = Context(DatabaseProvider.SqlServer);
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", sqlServer);
        }
        // The admin catalogue's sort indexes reach production too.
        Assert.Contains("CREATE INDEX [IX_Products_Name_Id]", sqlServer);
        Assert.Contains("CREATE INDEX \"IX_Products_Name_Id\"", sqlite);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "sqlite-migrations.sql"), sqlite);
    }

    [GeneratedRegex(@"^RUN dotnet publish (\S+\.csproj)")]
    private static partial Regex PublishLine();

    [GeneratedRegex(@"<ProjectReference Include=""([^""]+)""")]
    private static partial Regex ProjectReference();

    [GeneratedRegex(@"CREATE TABLE [\[""](\w+)[\]""]")]
    private static partial Regex CreateTable();

    // A literal password: a YAML key ending in PASSWORD, or a connection string's Password=, not followed by ${VARIABLE}.
    [GeneratedRegex(@"(?im)(^\s*\w*PASSWORD:\s*|Password=)(?!\$\{)\S")]
    private static partial Regex PasswordLiteral();
    /// <summary>SqlClient refuses to open a connection under InvariantGlobalization ("Globalization Invariant Mode is
    /// not supported"), which once sat in Directory.Build.props and would have stopped every production process at its
    /// first query. Against a listener that hangs up, the client must get as far as the network: a SqlException about
    /// the connection, not a NotSupportedException before it.</summary>
    [Fact]
    public async Task SqlClient_gets_to_the_network_with_the_projects_globalization_settings()
    {
        Assert.False(AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant) && invariant,
            "InvariantGlobalization is on: SqlClient cannot connect in that mode");
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var hangUp = Task.Run(async () => { using var client = await listener.AcceptTcpClientAsync(); });
        await using var connection = new Microsoft.Data.SqlClient.SqlConnection(
            $"Server=tcp:127.0.0.1,{port};Database=shop;User Id=sa;Password=not-used-{Guid.NewGuid():N};Encrypt=False;Connect Timeout=5;ConnectRetryCount=0");
        await Assert.ThrowsAsync<Microsoft.Data.SqlClient.SqlException>(() => connection.OpenAsync());
        await hangUp;
    }
}
