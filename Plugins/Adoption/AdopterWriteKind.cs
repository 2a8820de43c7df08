namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>Which call an adopter write is.</summary>
    public enum AdopterWriteKind
    {
        None = 0,
        Create = 1,
        Update = 2,
        Delete = 3,
    }
}
