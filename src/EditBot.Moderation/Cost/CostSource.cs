namespace EditBot.Moderation;

public enum CostSource
{
    /// <summary>OpenAI's list price for gpt-image-2 by quality and size (docs' GMI reference).</summary>
    ReferenceTable,

    /// <summary>The per-image price from the model's <c>price_info</c>.</summary>
    ModelPriceInfo,
}
