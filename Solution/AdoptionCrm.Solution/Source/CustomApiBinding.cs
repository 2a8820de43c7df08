namespace AdoptionCrm.Solution.Source;

/// <summary>customapi.bindingtype: 0 Global (unbound), 1 Entity (Target is a row), 2 EntityCollection (called on an entity set).</summary>
public enum CustomApiBinding
{
    Global = 0,
    Entity = 1,
    EntityCollection = 2,
}
