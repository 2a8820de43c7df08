namespace AdoptionCrm.Solution.Source;

/// <summary>A one-to-many relationship from Other/Relationships/*.xml: it gives a lookup column its target.</summary>
public sealed record RelationshipDefinition(string Name, string ReferencingEntity, string ReferencingAttribute, string ReferencedEntity, string SourceFile);
