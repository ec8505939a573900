using System.Globalization;
using StrategyPlatform.Portal.Localization;
using Xunit;

namespace StrategyPlatform.Portal.Tests;

public sealed class Radzen_in_latvian
{
    private readonly RadzenLatvianTexts texts = new();

    [Theory]
    [InlineData("Pager_PagingSummaryFormat", "{0}. lapa no {1} ({2} ieraksti)")]
    [InlineData("RequiredValidator_Text", "Obligāts lauks")]
    [InlineData("DataGrid_ContainsText", "Satur")]
    [InlineData("DatePicker_NextMonthAriaLabel", "Nākamais mēnesis")]
    [InlineData("Dialog_CancelText", "Atcelt")]
    public void Answers_radzens_keys_in_latvian(string key, string latvian) =>
        Assert.Equal(latvian, texts.Get(key, PortalCultures.Cultures[0]));

    [Fact]
    public void Leaves_english_to_radzens_built_in_texts() =>
        Assert.Null(texts.Get("RequiredValidator_Text", CultureInfo.GetCultureInfo(PortalCultures.English)));
}
