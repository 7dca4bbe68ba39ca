using System.Text.Json;
using EditBot.TestSupport.Discord.Contract;

namespace EditBot.Discord.Tests.Contract;

/// <summary>
/// Each rule of the validator on a small schema: it refuses the bad body (with Discord's code at the right path) and
/// accepts the good one. Before issue 14 unknown fields and every <c>format</c> passed unchecked.
/// </summary>
public sealed class SchemaRuleTests
{
    private const string Document = """
        {
          "components": { "schemas": {
            "Base": { "type": "object", "properties": { "name": { "type": "string" } } },
            "Closed": { "type": "object", "properties": { "name": { "type": "string" }, "inner": { "$ref": "#/components/schemas/Base" } } },
            "Open": { "type": "object", "properties": { "name": { "type": "string" } }, "additionalProperties": true },
            "Free": { "type": "object" },
            "Composed": { "allOf": [ { "$ref": "#/components/schemas/Base" }, { "type": "object", "properties": { "extra": { "type": "integer" } } } ] },
            "Snowflake": { "type": "string", "pattern": "^(0|[1-9][0-9]*)$", "format": "snowflake" },
            "Uri": { "type": "string", "format": "uri" },
            "When": { "type": "string", "format": "date-time" },
            "Int32": { "type": "integer", "format": "int32" },
            "Int64": { "type": "integer", "format": "int64" }
          } }
        }
        """;

    private static readonly JsonDocument Spec = JsonDocument.Parse(Document);

    [Theory]
    [InlineData("Closed", """{"name": "a", "inner": {"name": "b"}}""")]
    [InlineData("Open", """{"name": "a", "anything": 1}""")]
    [InlineData("Free", """{"anything": 1}""")]
    [InlineData("Composed", """{"name": "a", "extra": 2}""")]
    [InlineData("Snowflake", "\"18446744073709551615\"")]
    [InlineData("Uri", "\"https://cdn.example.com/a.png\"")]
    [InlineData("Uri", "\"attachment://result.png\"")]
    [InlineData("When", "\"2026-12-03T07:00:00.123+00:00\"")]
    [InlineData("Int32", "2147483647")]
    [InlineData("Int64", "9223372036854775807")]
    public void A_body_that_keeps_the_rules_is_accepted(string schema, string body) => Assert.Empty(Errors(schema, body));

    [Theory]
    [InlineData("Closed", """{"name": "a", "nmae": "b"}""", "$.nmae", "UNKNOWN_FIELD")]
    [InlineData("Closed", """{"inner": {"name": "b", "colour": 1}}""", "$.inner.colour", "UNKNOWN_FIELD")]
    [InlineData("Composed", """{"name": "a", "extra": 2, "more": 3}""", "$.more", "UNKNOWN_FIELD")]
    [InlineData("Snowflake", "\"18446744073709551616\"", "$", "NUMBER_TYPE_COERCE")]
    [InlineData("Snowflake", "\"12ab\"", "$", "STRING_TYPE_REGEX")]
    [InlineData("Uri", "\"not a url\"", "$", "URL_TYPE_INVALID_URL")]
    [InlineData("Uri", "\"ftp://example.com/a.png\"", "$", "URL_TYPE_INVALID_URL")]
    [InlineData("When", "\"yesterday\"", "$", "DATE_TIME_TYPE_PARSE")]
    [InlineData("When", "\"2026-12-03T07:00:00\"", "$", "DATE_TIME_TYPE_PARSE")]
    [InlineData("Int32", "2147483648", "$", "NUMBER_TYPE_COERCE")]
    [InlineData("Int64", "9223372036854775808", "$", "NUMBER_TYPE_COERCE")]
    public void A_body_that_breaks_a_rule_is_refused_at_its_path_with_Discords_code(string schema, string body, string at, string code)
    {
        var error = Assert.Single(Errors(schema, body));

        Assert.Equal(at, error.At);
        Assert.Equal(code, error.Code);
    }

    private static IReadOnlyList<ContractError> Errors(string schema, string body)
    {
        using var value = JsonDocument.Parse(body);
        var validator = new JsonSchemaValidator(Spec.RootElement);
        return validator.Errors(Spec.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema), value.RootElement);
    }
}
