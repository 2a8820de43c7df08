namespace AdoptionCrm.Solution.Source;

/// <summary>How actions on the referenced (parent) row reach the referencing (child) rows of a one-to-many relationship.</summary>
public sealed record RelationshipCascade(
    string Name, string ReferencingEntity, string ReferencingAttribute, string ReferencedEntity,
    CascadeType Delete, CascadeType Assign, CascadeType Reparent, CascadeType Merge);
