var builder = DistributedApplication.CreateBuilder(args).WithLocalDefaults();

// PostgreSQL and RabbitMQ from the machine's packages, or the servers named by ConnectionStrings__postgres / __messaging.
var postgres = builder.AddLocalPostgres("postgres");
var surveysDb = postgres.AddDatabase("surveysdb");
var mediaDb = postgres.AddDatabase("mediadb");
var kpiDb = postgres.AddDatabase("kpidb");
var portalDb = postgres.AddDatabase("portaldb");
var messaging = builder.AddLocalRabbitMQ("messaging");
// smtp4dev with its web inbox, or the relay named by ConnectionStrings__mail.
var mail = builder.AddLocalMail("mail");

// Generated once and kept in the git-ignored data folder; Parameters__<name> overrides them.
var signingKey = builder.AddPersistedSecret("jwt-signing-key", length: 64);
var adminPassword = builder.AddPersistedSecret("admin-password", length: 24);

var surveys = builder.AddProject<Projects.Surveys>("surveys")
    .WithPlatformDefaults(signingKey)
    .WithReference(surveysDb).WaitFor(surveysDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(mail).WaitFor(mail)
    .WithReplicas(builder.ReplicasOf("surveys"));

var media = builder.AddProject<Projects.MediaEvents>("mediaevents")
    .WithPlatformDefaults(signingKey)
    .WithReference(mediaDb).WaitFor(mediaDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReplicas(builder.ReplicasOf("mediaevents"));

// The aggregator reads the sources only for a rebuild, so it references them without waiting for them.
var kpi = builder.AddProject<Projects.Kpi>("kpi")
    .WithPlatformDefaults(signingKey)
    .WithReference(kpiDb).WaitFor(kpiDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(surveys).WithReference(media)
    .WithReplicas(builder.ReplicasOf("kpi"));

// One replica: a Blazor circuit lives in the process that opened it (README, "Scaling out").
var web = builder.AddProject<Projects.Portal>("web")
    .WithPlatformDefaults(signingKey)
    .WithEndpoint("http", endpoint => endpoint.Port = builder.PortalPort())
    .WithReference(portalDb).WaitFor(portalDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(surveys).WithReference(media).WithReference(kpi)
    .WaitFor(surveys).WaitFor(media).WaitFor(kpi)
    .WithEnvironment("Bootstrap__AdminEmail", StartupSummary.AdminEmail)
    .WithEnvironment("Bootstrap__AdminPassword", adminPassword);

// The links in invitation e-mails point at the portal's answering page.
surveys.WithEnvironment("Surveys__PortalUrl", web.GetEndpoint("http"));

builder.AddStartupSummary(web, adminPassword);

builder.Build().Run();
