using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using StrategyPlatform.LocalServers;

namespace Aspire.Hosting;

public static class PersistedSecretExtensions
{
    /// <summary>
    /// A secret parameter: <c>Parameters__{name}</c> when set, else a value generated once (letters and
    /// digits, so it needs no escaping in a URI or a connection string) and kept in the data folder's
    /// <c>parameters.json</c>, so it stays the same on every later run and is never committed.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddPersistedSecret(this IDistributedApplicationBuilder builder, string name, int length = 32) =>
        builder.AddParameter(name, new PersistedDefault(SecretStore.For(builder.GetDataDirectory()), name, new GenerateParameterDefault
        {
            MinLength = length,
            Special = false,
            MinLower = 1,
            MinUpper = 1,
            MinNumeric = 1,
        }), secret: true);

    /// <summary>The store the AppHost's secrets are kept in, to tell the user where (and whether this run made them).</summary>
    public static SecretStore GetSecretStore(this IDistributedApplicationBuilder builder) => SecretStore.For(builder.GetDataDirectory());

    private sealed class PersistedDefault(SecretStore store, string name, ParameterDefault generator) : ParameterDefault
    {
        public override string GetDefaultValue() => store.GetOrCreate(name, generator.GetDefaultValue);

        public override void WriteToManifest(ManifestPublishingContext context) => generator.WriteToManifest(context);
    }
}
