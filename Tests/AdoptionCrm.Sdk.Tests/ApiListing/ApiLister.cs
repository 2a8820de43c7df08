using System.Reflection;

namespace AdoptionCrm.Sdk.Tests.ApiListing;

/// <summary>
/// Writes the public and protected API of an assembly in the format of the official listings
/// (/work/shared/reference/xrm-sdk/README.md): one fact a line, sorted ordinally.
/// Loads through MetadataLoadContext so a net462 assembly is read against net462, never executed.
/// </summary>
internal static class ApiLister
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>Lists <paramref name="assemblyPath"/>; <paramref name="dependencies"/> are our other assemblies it references.</summary>
    public static IReadOnlyList<string> List(string assemblyPath, params string[] dependencies)
    {
        var paths = ReferenceAssemblies.Net462Assemblies()
            .Concat(dependencies.Select(Path.GetFullPath))
            .Append(Path.GetFullPath(assemblyPath));
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "mscorlib");
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
        var lines = new List<string> { AssemblyLine(assembly.GetName()) };
        foreach (var type in assembly.GetTypes().Where(IsVisible)) lines.AddRange(TypeLines(type));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static string AssemblyLine(AssemblyName name)
    {
        var token = name.GetPublicKeyToken() ?? Array.Empty<byte>();
        return $"A:{name.Name} {name.Version} {Convert.ToHexString(token).ToLowerInvariant()}";
    }

    private static bool IsVisible(Type type)
    {
        if (type.IsPublic) return true;
        if (!type.IsNested) return false;
        return (type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!);
    }

    private static bool IsVisible(MethodBase? method) =>
        method != null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly);

    private static bool IsVisible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    private static IEnumerable<string> TypeLines(Type type)
    {
        var name = DocIdNames.Definition(type);
        yield return $"T:{name} kind={Kind(type)}";
        if (type.IsClass && !IsDelegate(type) && type.BaseType != null)
            yield return $"T:{name} base={DocIdNames.Reference(type.BaseType)}";
        foreach (var contract in type.GetInterfaces())
            yield return $"T:{name} implements={DocIdNames.Reference(contract)}";

        foreach (var ctor in type.GetConstructors(Declared).Where(IsVisible))
            yield return $"M:{name}.{(ctor.IsStatic ? "#cctor" : "#ctor")}{DocIdNames.Parameters(ctor.GetParameters())}";

        foreach (var method in type.GetMethods(Declared).Where(IsVisible))
        {
            var arity = method.IsGenericMethodDefinition ? "``" + method.GetGenericArguments().Length : "";
            yield return $"M:{name}.{method.Name}{arity}{DocIdNames.Parameters(method.GetParameters())}"
                + $" -> {DocIdNames.Reference(method.ReturnType)}{(method.IsStatic ? " static" : "")}";
        }

        foreach (var property in type.GetProperties(Declared))
        {
            var accessor = new[] { property.GetMethod, property.SetMethod }.FirstOrDefault(IsVisible);
            if (accessor == null) continue;
            yield return $"P:{name}.{property.Name}{DocIdNames.Parameters(property.GetIndexParameters())}"
                + $" -> {DocIdNames.Reference(property.PropertyType)}{(accessor.IsStatic ? " static" : "")}";
        }

        foreach (var evt in type.GetEvents(Declared))
        {
            var accessor = new[] { evt.AddMethod, evt.RemoveMethod }.FirstOrDefault(IsVisible);
            if (accessor == null) continue;
            yield return $"E:{name}.{evt.Name} -> {DocIdNames.Reference(evt.EventHandlerType!)}{(accessor.IsStatic ? " static" : "")}";
        }

        foreach (var field in type.GetFields(Declared).Where(IsVisible))
        {
            if (type.IsEnum)
            {
                // value__ is the enum's storage, not a member a caller names.
                if (field.IsSpecialName) continue;
                yield return $"F:{name}.{field.Name} = {Convert.ToString(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
                continue;
            }
            var modifiers = (field.IsStatic ? " static" : "") + (field.IsLiteral ? " const" : "");
            yield return $"F:{name}.{field.Name} -> {DocIdNames.Reference(field.FieldType)}{modifiers}";
        }
    }

    private static bool IsDelegate(Type type) => type.BaseType?.FullName == "System.MulticastDelegate";

    private static string Kind(Type type)
    {
        if (type.IsInterface) return "interface";
        if (type.IsEnum) return "enum";
        if (type.IsValueType) return "struct";
        if (IsDelegate(type)) return "delegate";
        if (type.IsAbstract && type.IsSealed) return "static class";
        if (type.IsSealed) return "sealed class";
        if (type.IsAbstract) return "abstract class";
        return "class";
    }
}
