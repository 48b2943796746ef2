using System.Reflection;
using System.Reflection.Emit;
using GenesysCloud.Outbound.Audit;
using Xunit;

namespace GenesysCampaign.Tests;

/// <summary>
/// Core's namespaces are layers, each using only those below it (docs/ARCHITECTURE.md, "Layers"): the
/// audit vocabulary; the campaign model; the other outbound models; resilience; the API client; the
/// engine. Checked on the compiled assembly: signatures, base types and every type, method and field
/// a method body names.
/// </summary>
public sealed class NamespaceLayersTests
{
    private static readonly string[] Layers =
    [
        "GenesysCloud.Outbound",
        "GenesysCloud.Outbound.Audit",
        "GenesysCloud.Outbound.Campaigns",
        "GenesysCloud.Outbound.Dependencies",
        "GenesysCloud.Outbound.Resilience",
        "GenesysCloud.Outbound.Api",
        "GenesysCloud.Outbound.Engine",
    ];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void Every_namespace_of_Core_is_a_layer()
    {
        var namespaces = CoreTypes().Select(t => t.Namespace!).Distinct().Order();

        Assert.Equal(Layers.Order(), namespaces);
    }

    [Fact]
    public void Each_namespace_of_Core_uses_only_the_layers_below_it()
    {
        var upward = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in CoreTypes())
        {
            var layer = Array.IndexOf(Layers, type.Namespace);
            foreach (var used in Used(type).Where(u => u.Assembly == typeof(GenesysCampaignStateChange).Assembly && u.Namespace is not null))
            {
                if (Array.IndexOf(Layers, used.Namespace) > layer)
                {
                    upward.Add($"{type.FullName} -> {used.FullName}");
                }
            }
        }

        Assert.Empty(upward);
    }

    private static IEnumerable<Type> CoreTypes() =>
        typeof(GenesysCampaignStateChange).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("GenesysCloud.Outbound", StringComparison.Ordinal) == true);

    /// <summary>The types <paramref name="type"/> names: its base and interfaces, its members' signatures, and what its method bodies touch.</summary>
    private static IEnumerable<Type> Used(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            found.Add(baseType);
        }

        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetFields(All).Select(f => f.FieldType));
        found.AddRange(type.GetProperties(All).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                found.Add(info.ReturnType);
            }

            found.AddRange(method.GetParameters().Select(p => p.ParameterType));
            found.AddRange(BodyTypes(method));
        }

        return found.SelectMany(Unwrap);
    }

    /// <summary>Every type named by a token in the method's IL (a call's declaring type, a field's, a newobj's, a cast's, ...).</summary>
    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += code.Size;
            var size = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                switch (member)
                {
                    case Type t:
                        yield return t;
                        break;
                    case FieldInfo f:
                        yield return f.DeclaringType!;
                        yield return f.FieldType;
                        break;
                    case MethodBase m:
                        yield return m.DeclaringType!;
                        break;
                }
            }

            i += size;
        }
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? new[] { type.GetGenericTypeDefinition() }.Concat(type.GetGenericArguments().SelectMany(Unwrap))
            : new[] { type };
    }
}
