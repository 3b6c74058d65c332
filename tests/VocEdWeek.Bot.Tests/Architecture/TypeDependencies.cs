using Mono.Cecil;
using Mono.Cecil.Cil;

namespace VocEdWeek.Bot.Tests.Architecture;

/// <summary>
/// Which types each type of the compiled bot uses: signatures, attributes, and the IL of every method body (calls,
/// field reads, <c>typeof</c>, generic arguments, locals, catch clauses). Nested and compiler-made types (lambdas,
/// async state machines) count as their outermost declaring type, so a dependency is named after the file that has it.
/// Constants are inlined by the compiler and leave no trace: a <c>const</c> read from another folder is not seen.
/// </summary>
public sealed class TypeDependencies
{
    private static readonly Lazy<TypeDependencies> Bot = new(() => Read(typeof(Program).Assembly.Location));

    /// <summary>Outermost type full name → full names of the outermost types it uses (itself left out).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Uses { get; }

    /// <summary>The bot's own types, by full name (outermost only).</summary>
    public IReadOnlyDictionary<string, TypeDefinition> Types { get; }

    private TypeDependencies(IReadOnlyDictionary<string, IReadOnlySet<string>> uses, IReadOnlyDictionary<string, TypeDefinition> types)
    {
        Uses = uses;
        Types = types;
    }

    /// <summary>The bot assembly the tests run against (read once).</summary>
    public static TypeDependencies OfBot() => Bot.Value;

    public static string NamespaceOf(string fullName) => fullName.LastIndexOf('.') is var dot and > 0 ? fullName[..dot] : "";

    private static TypeDependencies Read(string path)
    {
        // Read into memory at once: the definitions stay usable for the whole test run and the file is not held open.
        var module = ModuleDefinition.ReadModule(new MemoryStream(File.ReadAllBytes(path)), new ReaderParameters { ReadingMode = ReadingMode.Immediate });
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var types = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type).FullName;
            if (owner == "<Module>" || owner.StartsWith("<", StringComparison.Ordinal) || owner.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                || owner.StartsWith("System.", StringComparison.Ordinal)) continue;
            if (type.DeclaringType is null) types[owner] = type;
            if (!uses.TryGetValue(owner, out var set)) uses[owner] = set = new HashSet<string>(StringComparer.Ordinal);
            new Collector(set).Type(type);
            set.Remove(owner);
        }
        return new TypeDependencies(
            uses.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal),
            types);
    }

    internal static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    /// <summary>Walks one type and adds the outermost names of everything it mentions.</summary>
    private sealed class Collector(HashSet<string> into)
    {
        public void Type(TypeDefinition type)
        {
            Ref(type.BaseType);
            foreach (var i in type.Interfaces) Ref(i.InterfaceType);
            Attributes(type);
            Generics(type);
            foreach (var f in type.Fields) { Ref(f.FieldType); Attributes(f); }
            foreach (var p in type.Properties) { Ref(p.PropertyType); Attributes(p); }
            foreach (var e in type.Events) Ref(e.EventType);
            foreach (var m in type.Methods) Method(m);
        }

        private void Method(MethodDefinition method)
        {
            Ref(method.ReturnType);
            Attributes(method);
            Generics(method);
            foreach (var p in method.Parameters) { Ref(p.ParameterType); Attributes(p); }
            if (!method.HasBody) return;
            foreach (var v in method.Body.Variables) Ref(v.VariableType);
            foreach (var h in method.Body.ExceptionHandlers) Ref(h.CatchType);
            foreach (var instruction in method.Body.Instructions) Operand(instruction);
        }

        private void Operand(Instruction instruction)
        {
            switch (instruction.Operand)
            {
                case TypeReference t: Ref(t); break;
                case MethodReference m: MethodRef(m); break;
                case FieldReference f: Ref(f.DeclaringType); Ref(f.FieldType); break;
                case CallSite c: Ref(c.ReturnType); foreach (var p in c.Parameters) Ref(p.ParameterType); break;
            }
        }

        private void MethodRef(MethodReference method)
        {
            Ref(method.DeclaringType);
            Ref(method.ReturnType);
            foreach (var p in method.Parameters) Ref(p.ParameterType);
            if (method is GenericInstanceMethod g) foreach (var a in g.GenericArguments) Ref(a);
        }

        private void Generics(IGenericParameterProvider provider)
        {
            foreach (var g in provider.GenericParameters)
            foreach (var c in g.Constraints) Ref(c.ConstraintType);
        }

        private void Attributes(ICustomAttributeProvider provider)
        {
            foreach (var a in provider.CustomAttributes)
            {
                Ref(a.AttributeType);
                foreach (var arg in a.ConstructorArguments) if (arg.Value is TypeReference t) Ref(t);
            }
        }

        private void Ref(TypeReference? type)
        {
            switch (type)
            {
                case null or GenericParameter: return;
                case GenericInstanceType g:
                    Ref(g.ElementType);
                    foreach (var a in g.GenericArguments) Ref(a);
                    return;
                case TypeSpecification s: Ref(s.ElementType); return; // arrays, by-ref, pointers, modifiers
            }
            into.Add(Outermost(type).FullName);
        }
    }
}
