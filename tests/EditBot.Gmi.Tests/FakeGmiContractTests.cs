using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EditBot.TestSupport.Gmi;
using EditBot.TestSupport.Gmi.Contract;

namespace EditBot.Gmi.Tests;

/// <summary>
/// The fake GMI is at least as strict as the real queue: it refuses every submit body that breaks the contract in
/// gmi-submit.schema.json (and its semantic rules) with 400 {"error": ...}, records the breach, and fails the test
/// at disposal unless the test provoked it on purpose. Raw HTTP here, so the bot's own client cannot hide anything.
/// </summary>
public sealed class FakeGmiContractTests : IAsyncLifetime
{
    private static readonly string Image = Convert.ToBase64String(FakeGmiInputs.Png(20, 10));
    private FakeGmiServer _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = new FakeGmiServer { Duration = FakeGmiServer.OneSecond };
        await _fake.StartAsync();
        _http = new HttpClient();
        _http.DefaultRequestHeaders.Authorization = new("Bearer", FakeGmiServer.DefaultApiKey);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _fake.ClearContractViolations();
        await _fake.DisposeAsync();
    }

    private static JsonObject Body(Action<JsonObject>? change = null)
    {
        var payload = new JsonObject { ["prompt"] = "paint it", ["image"] = Image, ["size"] = "1024x1024", ["quality"] = "low", ["n"] = 1 };
        change?.Invoke(payload);
        return new JsonObject { ["model"] = FakeGmiServer.DefaultModel, ["payload"] = payload };
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(_fake.BaseUrl + "/requests"), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_conforming_body_is_accepted_and_its_raw_text_is_visible()
    {
        var json = Body(p => p["mask"] = Convert.ToBase64String(FakeGmiInputs.Mask(20, 10))).ToJsonString();

        var (status, _) = await PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(_fake.ContractViolations);
        var request = Assert.Single(_fake.Requests);
        Assert.Equal(json, request.RawBody);
        Assert.Equal((20, 10), (request.MaskFacts!.Width, request.MaskFacts.Height));
        Assert.Equal(0.5, request.MaskFacts.WhiteFraction, 2);
    }

    [Theory]
    [InlineData("empty mask", "$.payload.mask")]
    [InlineData("null mask", "$.payload.mask")]
    [InlineData("unknown key", "$.payload.seed")]
    [InlineData("blank prompt", "$.payload.prompt")]
    [InlineData("size not offered", "$.payload.size")]
    [InlineData("n above 10", "$.payload.n")]
    [InlineData("n as a string", "$.payload.n")]
    [InlineData("quality in capitals", "$.payload.quality")]
    [InlineData("no image", "'image'")]
    [InlineData("image not base64", "$.payload.image")]
    [InlineData("image not an image", "image: must be a valid PNG, JPEG or WebP image")]
    [InlineData("image url not fetchable", "image: the URL could not be fetched")]
    [InlineData("mask of another size", "mask must be the same size as image")]
    [InlineData("mask with transparency", "mask must be opaque")]
    [InlineData("mask in colour", "mask must be black and white")]
    [InlineData("data url of the wrong type", "declared image/jpeg")]
    public async Task A_body_that_breaks_the_contract_is_refused_with_400_naming_the_field(string breach, string named)
    {
        var body = Body(p => Break(p, breach));

        var (status, text) = await PostAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = JsonNode.Parse(text)!["error"]!.GetValue<string>();
        Assert.StartsWith("Invalid payload: ", error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Contains(_fake.ContractViolations, v => v.Contains(named, StringComparison.Ordinal));
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task Missing_or_empty_required_keys_are_named_as_gmi_names_them()
    {
        var (status, text) = await PostAsync(Body(p => { p["prompt"] = ""; p.Remove("image"); }).ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Missing required keys: prompt, image", JsonNode.Parse(text)!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        var (status, _) = await PostAsync("{\"model\": ");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Single(_fake.ContractViolations);
    }

    [Fact]
    public async Task A_body_not_sent_as_json_is_refused()
    {
        using var content = new StringContent(Body().ToJsonString(), Encoding.UTF8, "text/plain");
        using var response = await _http.PostAsync(new Uri(_fake.BaseUrl + "/requests"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(_fake.ContractViolations, v => v.Contains("application/json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_organization_account_refuses_calls_without_its_header()
    {
        _fake.RequiredOrganizationId = "org-7";

        var (status, _) = await PostAsync(Body().ToJsonString());

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task An_upload_slot_for_a_format_the_model_does_not_take_is_refused()
    {
        using var content = new StringContent("{\"file_type\":\"gif\"}", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(_fake.BaseUrl + "/upload-url"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_presigned_upload_url_refuses_its_put_after_fifteen_minutes()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fake = new FakeGmiServer(time) { Duration = FakeGmiServer.OneSecond };
        await fake.StartAsync();
        using var slot = new StringContent("{\"file_type\":\"png\"}", Encoding.UTF8, "application/json");
        using var answer = await _http.PostAsync(new Uri(fake.BaseUrl + "/upload-url"), slot);
        var uploadUrl = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["upload_url"]!.GetValue<string>();

        time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        using var bytes = new ByteArrayContent(FakeGmiInputs.Png());
        bytes.Headers.ContentType = new("image/png");
        using var put = await new HttpClient().PutAsync(new Uri(uploadUrl), bytes);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("ExpiredToken", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_after_an_unexpected_breach_fails_the_test()
    {
        await using var fake = new FakeGmiServer { Duration = FakeGmiServer.OneSecond };
        await fake.StartAsync();
        using var content = new StringContent(Body(p => p["mask"] = "").ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(fake.BaseUrl + "/requests"), content);

        var error = await Assert.ThrowsAsync<FakeGmiContractException>(async () => await fake.DisposeAsync());

        Assert.Contains(error.Violations, v => v.Contains("$.payload.mask", StringComparison.Ordinal));
        fake.ClearContractViolations();
    }

    [Fact]
    public void The_embedded_schema_is_the_shared_reference()
    {
        var shared = FindShared();
        Assert.True(shared is not null, "shared/reference/gmi-submit.schema.json was not found beside the repository");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(shared)), JsonNode.Parse(GmiSubmitContract.SchemaText)),
            "tests/EditBot.TestSupport/Gmi/Contract/gmi-submit.schema.json differs from shared/reference/gmi-submit.schema.json: copy it again");
    }

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", GmiSubmitContract.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void Break(JsonObject p, string breach)
    {
        switch (breach)
        {
            case "empty mask": p["mask"] = ""; break;
            case "null mask": p["mask"] = null; break;
            case "unknown key": p["seed"] = 7; break;
            case "blank prompt": p["prompt"] = "   "; break;
            case "size not offered": p["size"] = "512x512"; break;
            case "n above 10": p["n"] = 11; break;
            case "n as a string": p["n"] = "2"; break;
            case "quality in capitals": p["quality"] = "HIGH"; break;
            case "no image": p.Remove("image"); break;
            case "image not base64": p["image"] = "not base64!"; break;
            case "image not an image": p["image"] = "aGVsbG8="; break;
            case "image url not fetchable": p["image"] = "https://example.com/cat.png"; break;
            case "mask of another size": p["mask"] = Convert.ToBase64String(FakeGmiInputs.Mask(10, 10)); break;
            case "mask with transparency": p["mask"] = Convert.ToBase64String(Transparent(20, 10)); break;
            case "mask in colour": p["mask"] = Convert.ToBase64String(FakeGmiInputs.Png(20, 10)); break;
            case "data url of the wrong type": p["image"] = "data:image/jpeg;base64," + Image; break;
            default: throw new ArgumentOutOfRangeException(nameof(breach), breach, null);
        }
    }

    private static byte[] Transparent(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Unpremul);
        bitmap.Erase(new SkiaSharp.SKColor(255, 255, 255, 0));
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
