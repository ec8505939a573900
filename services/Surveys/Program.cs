var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.UseInputLimits();
app.MapDefaultOpenApi();

app.MapSurveysApi();
app.MapLifecycleApi();
app.MapOrganisationsApi();
app.MapInvitationsApi();
app.MapMailingsApi();
app.MapAnsweringApi();
app.MapOpenLinkApi();
app.MapResultsApi();
app.MapResponseFactsApi();
app.MapAuditApi();

app.Run();
