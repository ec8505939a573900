var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseInputLimits();
app.MapDefaultOpenApi();
app.MapMediaEventsApi();
app.MapAuditApi();

app.Run();
