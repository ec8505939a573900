using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using StrategyPlatform.LocalServers;

namespace Aspire.Hosting;

public static class LocalMailBuilderExtensions
{
    /// <summary>
    /// Where the services send mail: the relay named by <c>ConnectionStrings__{name}</c> when it is set (no local
    /// process then), else smtp4dev run as an executable on loopback, its web inbox linked from the dashboard.
    /// Locally, addresses at a <c>.invalid</c> domain (reserved, RFC 2606) are refused with 550, the way a relay
    /// refuses an unknown mailbox, so a bounce can be seen without a real one. Healthy once it greets a client.
    /// </summary>
    public static IResourceBuilder<IMailServerResource> AddLocalMail(this IDistributedApplicationBuilder builder, string name)
    {
        var server = builder.Configuration.GetConnectionString(name) is { Length: > 0 }
            ? ExistingServer.Add<IMailServerResource>(builder, name, connectionString => new ExistingMailResource(name, connectionString), "SMTP relay (yours)", "Mail")
            : builder.AddSmtp4dev(name);
        return server.WithHealthCheck($"{name}-greeting", resource => new SmtpHealthCheck(ct => resource.ConnectionStringExpression.GetValueAsync(ct)));
    }

    private static IResourceBuilder<IMailServerResource> AddSmtp4dev(this IDistributedApplicationBuilder builder, string name)
    {
        var folder = Path.Combine(builder.GetDataDirectory(), name);
        Directory.CreateDirectory(folder);
        var mail = new LocalMailResource(name, Smtp4devInstallation.Find(), folder);
        return builder.AddResource(mail)
            .WithEndpoint(LocalMailResource.SmtpEndpointName, endpoint =>
            {
                endpoint.UriScheme = "tcp";
                endpoint.Port = builder.Configuration.GetValue<int?>($"AppHost:Ports:{name}");
            })
            .WithHttpEndpoint(name: LocalMailResource.InboxEndpointName, port: builder.Configuration.GetValue<int?>($"AppHost:Ports:{name}-inbox"))
            .WithUrlForEndpoint(LocalMailResource.InboxEndpointName, url => url.DisplayText = "Mail inbox (smtp4dev)")
            .WithUrlForEndpoint(LocalMailResource.SmtpEndpointName, url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly)
            .WithArgs(context =>
            {
                context.Args.Add(ReferenceExpression.Create($"--urls=http://127.0.0.1:{mail.InboxEndpoint.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add(ReferenceExpression.Create($"--smtpport={mail.SmtpEndpoint.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add("--bindaddress=127.0.0.1");
                context.Args.Add("--hostname=localhost");
                // Messages in memory for the run; no IMAP or POP3 listener (nothing reads mail that way here).
                context.Args.Add("--db=");
                context.Args.Add("--imapport=");
                context.Args.Add("--pop3port=");
                context.Args.Add("--messagestokeep=100000");
                context.Args.Add("--nousersettings");
                context.Args.Add($"--baseappdatapath={folder}");
            })
            .WithEnvironment("ServerOptions__RecipientValidationExpression", "!recipient.toLowerCase().endsWith('.invalid')")
            .WithIconName("Mail");
    }
}
