using StrategyPlatform.Benchmarks.Baseline;

// The same job as the platform's answering path, written by hand in the plainest way: one Npgsql
// transaction inserts the response, a RabbitMQ.Client publish waits for the broker's confirm after
// the commit, and a consumer upserts a count per survey. `--role api` serves the answers,
// `--role consumer` counts them; both read ConnectionStrings__baselinedb and ConnectionStrings__messaging
// the way Aspire passes them to the platform's services.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var database = builder.Configuration.GetConnectionString("baselinedb") ?? throw new InvalidOperationException("ConnectionStrings:baselinedb is not set.");
var broker = new Uri(builder.Configuration.GetConnectionString("messaging") ?? throw new InvalidOperationException("ConnectionStrings:messaging is not set."));
builder.Services.AddSingleton(new Npgsql.NpgsqlDataSourceBuilder(database).Build());
builder.Services.AddSingleton(new Broker(broker));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

var app = builder.Build();
await BaselineSchema.CreateAsync(app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>());
app.MapGet("/health", () => Results.Ok());
if (builder.Configuration["role"] == "consumer")
{
    await Counter.StartAsync(app.Services.GetRequiredService<Broker>(), app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), app.Lifetime.ApplicationStopping);
}
else
{
    app.MapPost("/api/open/{surveyId:guid}", Answering.SubmitAsync);
}
app.Run();
