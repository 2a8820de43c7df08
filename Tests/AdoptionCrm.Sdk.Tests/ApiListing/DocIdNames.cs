using System.Reflection;

namespace AdoptionCrm.Sdk.Tests.ApiListing;

/// <summary>
/// Type names in doc-comment ID style as the official listing writes them: nested types joined with '.',
/// `N on generic definitions, {..} for instantiations, `n / ``n for type / method parameters, [] and @.
/// </summary>
internal static class DocIdNames
{
    /// <summary>The name of a type definition (T: lines and member prefixes): keeps `N arity suffixes.</summary>
    public static string Definition(Type type)
    {
        if (type.IsNested) return Definition(type.DeclaringType!) + "." + type.Name;
        return string.IsNullOrEmpty(type.Namespace) ? type.Name : type.Namespace + "." + type.Name;
    }

    /// <summary>The name of a type as it appears in a signature (parameters, return types, base, implements).</summary>
    public static string Reference(Type type)
    {
        if (type.IsGenericParameter)
            return (type.DeclaringMethod != null ? "``" : "`") + type.GenericParameterPosition;
        if (type.IsByRef) return Reference(type.GetElementType()!) + "@";
        if (type.IsPointer) return Reference(type.GetElementType()!) + "*";
        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            var suffix = type.IsSZArray ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", rank)) + "]";
            return Reference(type.GetElementType()!) + suffix;
        }
        if (type.IsGenericType) return Constructed(type);
        return Definition(type);
    }

    // Instantiated generics: each level of the nesting chain takes its share of the arguments.
    private static string Constructed(Type type)
    {
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        // A generic definition used in its own signatures (e.g. `0 inside DataCollection`1) lists its parameters.
        var chain = new List<Type>();
        for (var t = definition; t != null; t = t.IsNested ? t.DeclaringType : null) chain.Insert(0, t);

        var parts = new List<string>();
        var used = 0;
        foreach (var level in chain)
        {
            var total = level.GetGenericArguments().Length;
            var own = total - used;
            var name = level.Name;
            var tick = name.IndexOf('`');
            if (tick >= 0) name = name.Substring(0, tick);
            if (own > 0)
                name += "{" + string.Join(",", arguments.Skip(used).Take(own).Select(Reference)) + "}";
            used = total;
            parts.Add(name);
        }
        var prefix = string.IsNullOrEmpty(definition.Namespace) ? "" : definition.Namespace + ".";
        return prefix + string.Join(".", parts);
    }

    public static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => Reference(p.ParameterType))) + ")";
}
