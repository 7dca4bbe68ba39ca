namespace EditBot.Gmi.Wire;

/// <summary>payload of a gpt-image-2-edit request, as sent and as echoed back in request records.</summary>
internal sealed class EditPayloadDto
{
    public string? Prompt { get; set; }

    public string? Image { get; set; }

    public string? Mask { get; set; }

    public string? Size { get; set; }

    public string? Quality { get; set; }

    public int? N { get; set; }
}
