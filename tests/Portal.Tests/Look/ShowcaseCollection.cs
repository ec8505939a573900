using Xunit;

namespace StrategyPlatform.Portal.Tests.Look;

/// <summary>The look tests and the start page tests share one showcase platform (it takes a while to fill).</summary>
[CollectionDefinition(Name)]
public sealed class ShowcaseCollection : ICollectionFixture<ShowcasePortalFixture>
{
    public const string Name = "Showcase platform";
}
