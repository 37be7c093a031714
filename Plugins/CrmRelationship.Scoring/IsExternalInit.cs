namespace System.Runtime.CompilerServices;

/// <summary>
/// Lets netstandard2.0 and net462 compile C# <c>init</c> accessors. The type is internal so each
/// assembly that compiles these sources carries its own copy.
/// </summary>
internal static class IsExternalInit
{
}
