var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultOpenApi();
app.MapSurveyCountsApi();
app.MapIndicatorsApi();
app.MapCountedApi();
app.MapMeasurementsApi();
app.MapYearsApi();
app.MapActivitiesApi();
app.MapReviewApi();
app.MapReplayApi();

app.Run();
