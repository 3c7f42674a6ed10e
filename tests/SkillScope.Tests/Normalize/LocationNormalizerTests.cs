using SkillScope.Normalize;

namespace SkillScope.Tests.Normalize;

public class LocationNormalizerTests
{
    [Theory]
    [InlineData("San Francisco, CA", "US", "CA", "SF Bay Area", "San Francisco", false)]
    [InlineData("San Francisco, CA, US", "US", "CA", "SF Bay Area", "San Francisco", false)]
    [InlineData("San Francisco, California, United States", "US", "CA", "SF Bay Area", "San Francisco", false)]
    [InlineData("Chicago, IL 60622 \n(West Town area)", "US", "IL", "Chicago", "Chicago", false)]
    [InlineData("Remote in Arlington, VA", "US", "VA", "Washington DC", "Arlington", true)]
    [InlineData("Hybrid remote in Jersey City, NJ", "US", "NJ", "New York City", "Jersey City", false)]
    [InlineData("Remote in Brooklyn, NY 11201", "US", "NY", "New York City", "Brooklyn", true)]
    [InlineData("Remote", null, null, null, null, true)]
    [InlineData("Anywhere", null, null, null, null, true)]
    [InlineData("Remote in United States", "US", null, null, null, true)]
    [InlineData("United States", "US", null, null, null, false)]
    [InlineData("London, England, United Kingdom", "GB", null, "London", "London", false)]
    [InlineData("Berlin, Germany", "DE", null, "Berlin", "Berlin", false)]
    [InlineData("Bengaluru, Karnataka, India", "IN", null, "Bangalore", "Bengaluru", false)]
    [InlineData("Washington, District of Columbia", "US", "DC", "Washington DC", "Washington", false)]
    [InlineData("Washington, D.C., US", "US", "DC", "Washington DC", "Washington", false)]
    [InlineData("Washington, DC", "US", "DC", "Washington DC", "Washington", false)]
    [InlineData("Cambridge, MA", "US", "MA", "Boston", "Cambridge", false)]
    [InlineData("Cambridge, England, United Kingdom", "GB", null, null, "Cambridge", false)]
    [InlineData("Arlington, TX", "US", "TX", null, "Arlington", false)]
    [InlineData("Portland, OR", "US", "OR", null, "Portland", false)]
    [InlineData("Mexico, NY", "US", "NY", null, "Mexico", false)]
    [InlineData("Atlanta, IN", "US", "IN", null, "Atlanta", false)]
    [InlineData("Oregon", "US", "OR", null, null, false)]
    [InlineData("New Jersey", "US", "NJ", null, null, false)]
    [InlineData("Sunnyvale", "US", "CA", "SF Bay Area", "Sunnyvale", false)]
    [InlineData("San Francisco Bay Area", "US", "CA", "SF Bay Area", null, false)]
    [InlineData("Greater Boston", "US", null, "Boston", null, false)]
    [InlineData("New York City Metropolitan Area", "US", null, "New York City", null, false)]
    [InlineData("Washington DC-Baltimore Area", "US", null, "Washington DC", null, false)]
    [InlineData("Austin, Texas Metropolitan Area", "US", "TX", "Austin", "Austin", false)]
    [InlineData("Orange County, California Area", "US", "CA", "Los Angeles", null, false)]
    [InlineData("Santa Fe Springs, Los Angeles, CA", "US", "CA", "Los Angeles", "Santa Fe Springs", false)]
    [InlineData("1055 West 7th Street , Los Angeles, CA 90017, US", "US", "CA", "Los Angeles", "Los Angeles", false)]
    [InlineData("New York, United States", "US", "NY", null, null, false)]
    [InlineData("New York, NY", "US", "NY", "New York City", "New York", false)]
    [InlineData("Toronto, Ontario, Canada", "CA", null, "Toronto", "Toronto", false)]
    [InlineData("Toronto, ON", "CA", null, "Toronto", "Toronto", false)]
    [InlineData("Paris, France", "FR", null, "Paris", "Paris", false)]
    [InlineData("Paris, TX", "US", "TX", null, "Paris", false)]
    [InlineData("Singapore", "SG", null, "Singapore", "Singapore", false)]
    [InlineData("São Paulo, São Paulo, Brasil", "BR", null, null, "São Paulo", false)]
    [InlineData("Atlanta, Georgia", "US", "GA", null, "Atlanta", false)]
    [InlineData("Tbilisi, Georgia", "GE", null, null, "Tbilisi", false)]
    [InlineData("Remote (United States)", "US", null, null, null, true)]
    [InlineData("Richmond, CA", "US", "CA", "SF Bay Area", "Richmond", false)]
    [InlineData("Richmond, VA", "US", "VA", null, "Richmond", false)]
    [InlineData("Bethesda, MD", "US", "MD", "Washington DC", "Bethesda", false)]
    [InlineData("Hoboken, NJ", "US", "NJ", "New York City", "Hoboken", false)]
    [InlineData("", null, null, null, null, false)]
    [InlineData(null, null, null, null, null, false)]
    public void Parses_real_location_strings(string? text, string? country, string? state, string? metro, string? city, bool remote) =>
        Assert.Equal(new LocationInfo(country, state, metro, city, remote), LocationNormalizer.Parse(text));

    [Theory]
    [InlineData("Reston, Fairfax County", "US", "VA", "Washington DC", "Reston")]
    [InlineData("Campbell, Santa Clara County", "US", "CA", "SF Bay Area", "Campbell")]
    [InlineData("Grand Central, Manhattan", "US", "NY", "New York City", "Grand Central")]
    [InlineData("Highland Park, Dallas", "US", null, null, "Highland Park")]
    [InlineData("Texas, US", "US", "TX", null, null)]
    [InlineData("London", "US", null, null, "London")]
    public void Default_country_fills_what_the_text_leaves_out(string text, string? country, string? state, string? metro, string? city)
    {
        LocationInfo info = LocationNormalizer.Parse(text, "US");
        Assert.Equal((country, state, metro, city), (info.Country, info.State, info.Metro, info.City));
    }

    [Fact]
    public void Text_wins_over_the_default_country()
    {
        Assert.Equal("DE", LocationNormalizer.Parse("Berlin, Germany", "US").Country);
        Assert.Equal("US", LocationNormalizer.Parse("Remote", "United States").Country);
        Assert.Equal("US", LocationNormalizer.Parse(null, "US").Country);
    }

    [Theory]
    [InlineData("US", "US")]
    [InlineData("us", "US")]
    [InlineData("United States", "US")]
    [InlineData("USA", "US")]
    [InlineData("U.S.", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("UK", "GB")]
    [InlineData("England", "GB")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("Germany", "DE")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Brasil", "BR")]
    [InlineData("The Netherlands", "NL")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Remote", null)]
    [InlineData("Anywhere", null)]
    [InlineData("California", null)]
    [InlineData("ZZ", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Country_codes(string? nameOrCode, string? expected) => Assert.Equal(expected, LocationNormalizer.CountryCode(nameOrCode));

    [SharedDataFact("aijobs_salaries/salaries_2025-01-19.csv")]
    public void Every_survey_country_code_is_known()
    {
        List<Dictionary<string, string>> rows = SharedData.ReadCsv("aijobs_salaries/salaries_2025-01-19.csv");
        HashSet<string> codes = [.. rows.Select(r => r["company_location"]), .. rows.Select(r => r["employee_residence"])];
        Assert.All(codes, c => Assert.Equal(c, LocationNormalizer.CountryCode(c)));
    }

    [Fact]
    public void Metro_names_are_the_published_list() =>
        Assert.Equal(
            ["SF Bay Area", "New York City", "Seattle", "Boston", "Los Angeles", "Austin", "Denver", "Chicago", "Washington DC", "London", "Berlin", "Paris", "Toronto", "Bangalore", "Singapore"],
            LocationNormalizer.MetroNames);
}
