namespace AdoptionCrm.Solution.Registration;

/// <summary>An image a step asks for: its alias, kind and columns (null = all columns).</summary>
public sealed record StepImage(string Alias, StepImageType ImageType, IReadOnlyList<string>? Attributes)
{
    public bool IsPre => ImageType is StepImageType.PreImage or StepImageType.Both;
    public bool IsPost => ImageType is StepImageType.PostImage or StepImageType.Both;

    /// <summary>Comma-separated, as sdkmessageprocessingstepimage.attributes holds them; "" = all columns.</summary>
    public string AttributesText => Attributes is null ? "" : string.Join(",", Attributes);
}
