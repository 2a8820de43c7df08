namespace AdoptionCrm.Solution.Source;

/// <summary>A relationship's cascade behaviour for one action (CascadeConfiguration; PAD:configure-entity-relationship-cascading-behavior).</summary>
public enum CascadeType
{
    NoCascade,
    Cascade,
    Active,
    UserOwned,
    RemoveLink,
    Restrict,
}
