var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var surveysDb = postgres.AddDatabase("surveysdb");
var mediaDb = postgres.AddDatabase("mediadb");
var kpiDb = postgres.AddDatabase("kpidb");
var portalDb = postgres.AddDatabase("portaldb");
var messaging = builder.AddRabbitMQ("messaging");

// Generated once and kept in the git-ignored data folder; Parameters__<name> overrides them.
var signingKey = builder.AddParameter("jwt-signing-key", secret: true);
var adminPassword = builder.AddParameter("admin-password", secret: true);
const string adminEmail = "admin@lm.gov.lv";

var surveys = builder.AddProject("surveys", "services/Surveys/Surveys.csproj")
    .WithReference(surveysDb).WithReference(messaging)
    .WithEnvironment("Jwt__SigningKey", signingKey)
    .WaitFor(surveysDb).WaitFor(messaging);

var media = builder.AddProject("mediaevents", "services/MediaEvents/MediaEvents.csproj")
    .WithReference(mediaDb).WithReference(messaging)
    .WithEnvironment("Jwt__SigningKey", signingKey)
    .WaitFor(mediaDb).WaitFor(messaging);

// The aggregator reads the sources only for a rebuild, so it references them without waiting for them.
var kpi = builder.AddProject("kpi", "services/Kpi/Kpi.csproj")
    .WithReference(kpiDb).WithReference(messaging)
    .WithReference(surveys).WithReference(media)
    .WithEnvironment("Jwt__SigningKey", signingKey)
    .WaitFor(kpiDb).WaitFor(messaging);

builder.AddProject("web", "web/Portal/Portal.csproj").WithHttpEndpoint(port: 5080)
    .WithReference(portalDb).WithReference(messaging)
    .WithReference(surveys).WithReference(media).WithReference(kpi)
    .WithEnvironment("Jwt__SigningKey", signingKey)
    .WithEnvironment("Bootstrap__AdminEmail", adminEmail)
    .WithEnvironment("Bootstrap__AdminPassword", adminPassword)
    .WaitFor(surveys).WaitFor(media).WaitFor(kpi)
    .WithReadyMessage(() => $"First Administrator: {adminEmail} / {adminPassword.Resource.Value}");

builder.Build().Run();
