var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseInputLimits();
app.MapDefaultOpenApi();
app.MapSurveyCountsApi();
app.MapIndicatorsApi();
app.MapCountedApi();
app.MapMeasurementsApi();
app.MapYearsApi();
app.MapActivitiesApi();
app.MapReviewApi();
app.MapReplayApi();
app.MapAuditApi();

app.Run();
