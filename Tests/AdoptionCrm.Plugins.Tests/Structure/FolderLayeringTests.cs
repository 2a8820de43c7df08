using System.Reflection;
using System.Reflection.Emit;
using AdoptionCrm.Plugins.Model;

namespace AdoptionCrm.Plugins.Tests.Structure;

/// <summary>
/// The plug-in assembly's folders are layers: each may use only the folders below it, so there are no cycles
/// between folders and a rule lives below the steps that wire it. Read from the compiled assembly (signatures,
/// base types and every type, method and field the IL touches), not from the source's using lines, so a fully
/// qualified name or a lambda cannot slip past. The second test holds every file's namespace to its folder, which
/// is what makes a namespace stand for a folder here.
/// </summary>
public class FolderLayeringTests
{
    /// <summary>Lowest first. A folder may depend on the folders before it, never on one after it.</summary>
    private static readonly string[] Layers =
        ["Model", "Infrastructure", "ReferenceLists", "EmailDomains", "Settings", "Linking", "Adoption", "Plays", "Handover", "Backfill", "Steps"];

    private const string Root = "AdoptionCrm.Plugins";
    private static readonly Assembly Plugins = typeof(LeadColumns).Assembly;

    private static readonly Dictionary<short, OpCode> OneByte = new(), TwoByte = new();

    static FolderLayeringTests()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            if (op.Size == 1) OneByte[op.Value] = op; else TwoByte[(short)(op.Value & 0xff)] = op;
        }
    }

    private static string? FolderOf(Type? type)
    {
        while (type is { IsNested: true }) type = type.DeclaringType;
        var ns = type?.Namespace;
        if (ns is null || !ns.StartsWith(Root + ".", StringComparison.Ordinal)) return null;
        var rest = ns[(Root.Length + 1)..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null) yield break;
        if (type.HasElementType) { foreach (var t in Expand(type.GetElementType())) yield return t; yield break; }
        yield return type;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            foreach (var arg in type.GetGenericArguments()) foreach (var t in Expand(arg)) yield return t;
    }

    /// <summary>Every type <paramref name="type"/> uses: its base, interfaces, fields, signatures and the IL of its bodies.</summary>
    private static IEnumerable<Type> Uses(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new List<Type?> { type.BaseType };
        used.AddRange(type.GetInterfaces());
        used.AddRange(type.GetFields(all).Select(f => f.FieldType));
        used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info) used.Add(info.ReturnType);
            used.AddRange(method.GetParameters().Select(p => p.ParameterType));
            var body = method.GetMethodBody();
            if (body is null) continue;
            used.AddRange(body.LocalVariables.Select(l => l.LocalType));
            used.AddRange(TokensIn(body.GetILAsByteArray()!, type.Module, method));
        }
        return used.SelectMany(Expand);
    }

    private static IEnumerable<Type?> TokensIn(byte[] il, Module module, MethodBase method)
    {
        var typeArgs = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            OpCode op;
            if (il[at] == 0xfe) { op = TwoByte[il[at + 1]]; at += 2; }
            else { op = OneByte[il[at]]; at += 1; }
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget: case OperandType.ShortInlineI: case OperandType.ShortInlineVar: at += 1; break;
                case OperandType.InlineVar: at += 2; break;
                case OperandType.InlineI8: case OperandType.InlineR: at += 8; break;
                case OperandType.InlineSwitch: at += 4 + 4 * BitConverter.ToInt32(il, at); break;
                case OperandType.InlineMethod: case OperandType.InlineField: case OperandType.InlineType: case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    at += 4;
                    var member = module.ResolveMember(token, typeArgs, methodArgs);
                    yield return member as Type ?? member?.DeclaringType;
                    if (member is FieldInfo field) yield return field.FieldType;
                    if (member is MethodInfo called) yield return called.ReturnType;
                    break;
                default: at += 4; break;
            }
        }
    }

    [Fact]
    public void No_folder_of_the_plugins_uses_a_folder_above_it()
    {
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Plugins.GetTypes())
        {
            var from = FolderOf(type);
            if (from is null) continue;
            Assert.True(Array.IndexOf(Layers, from) >= 0, $"{type.FullName} is in folder {from}, which the layer list does not name");
            foreach (var used in Uses(type))
            {
                var to = FolderOf(used);
                if (to is null || to == from) continue;
                if (Array.IndexOf(Layers, to) > Array.IndexOf(Layers, from))
                    problems.Add($"{from} uses {to} ({Outer(type).Name} → {Outer(used!).Name}), but {to} is above {from}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_type_of_the_plugins_lives_in_the_namespace_of_its_folder()
    {
        Assert.All(Plugins.GetTypes().Where(t => !t.IsNested && t.Namespace?.StartsWith(Root, StringComparison.Ordinal) == true && !t.Name.StartsWith('<')),
            t => Assert.Contains(FolderOf(t) ?? "(the root)", Layers));
        var repo = typeof(FolderLayeringTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;
        var pluginsDir = Path.Combine(repo, "Plugins");
        foreach (var file in Directory.EnumerateFiles(pluginsDir, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var folder = Path.GetRelativePath(pluginsDir, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '.');
            var expected = folder == "." ? Root : $"{Root}.{folder}";
            var declared = File.ReadLines(file).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("namespace ", StringComparison.Ordinal))?["namespace ".Length..].TrimEnd(';', ' ', '{');
            if (declared is null) continue; // assembly attributes only
            Assert.True(declared == expected, $"{Path.GetRelativePath(pluginsDir, file)} declares namespace {declared}, its folder says {expected}");
        }
    }

    private static Type Outer(Type type) { while (type.IsNested) type = type.DeclaringType!; return type; }
}
