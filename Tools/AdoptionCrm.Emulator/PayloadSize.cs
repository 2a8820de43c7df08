using System.Text;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator;

/// <summary>
/// The size of the data an entity carries, as the bench reports bytes read and written per signup: text as
/// its UTF-8 bytes, a lookup or id as 16, numbers and dates at their storage width, each column's name once.
/// Not the wire size (the platform's serialisation is not documented and adds a constant per column); it
/// grows exactly when the data grows, which is what "bounded per signup" is about.
/// </summary>
public static class PayloadSize
{
    public static long Of(Entity? entity)
    {
        if (entity == null) return 0;
        long size = 16; // the row's id
        foreach (var (column, value) in entity.Attributes) size += column.Length + Of(value);
        return size;
    }

    public static long Of(object? value) => value switch
    {
        null => 0,
        string s => Encoding.UTF8.GetByteCount(s),
        Entity e => Of(e),
        EntityReference => 16,
        Guid => 16,
        OptionSetValue or int or float => 4,
        Money or decimal or double or long or DateTime => 8,
        bool => 1,
        AliasedValue a => Of(a.Value),
        EntityCollection c => c.Entities.Sum(Of),
        EntityReferenceCollection rc => 16L * rc.Count,
        byte[] bytes => bytes.Length,
        _ => 8,
    };

    /// <summary>Entities a request sends: its Target, or those of a CreateMultiple/UpdateMultiple collection.</summary>
    public static long Sent(OrganizationRequest? request) =>
        request == null ? 0 : request.Parameters.Values.Sum(v => v is Entity or EntityCollection ? Of(v) : 0);

    /// <summary>Entities a response hands back (Retrieve's Entity, RetrieveMultiple's EntityCollection).</summary>
    public static long Received(OrganizationResponse? response) =>
        response == null ? 0 : response.Results.Values.Sum(v => v is Entity or EntityCollection ? Of(v) : 0);

    public static long Of(EntityImageCollection images) => images.Values.Sum(Of);
}
