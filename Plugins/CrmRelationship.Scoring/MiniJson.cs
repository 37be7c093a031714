using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrmRelationship.Scoring;

/// <summary>
/// A small strict JSON reader for the settings, so the plug-in assembly needs no JSON library
/// (System.Text.Json is not guaranteed in the sandbox). Objects become
/// <see cref="Dictionary{TKey,TValue}"/> (insertion order kept), arrays <see cref="List{T}"/>,
/// numbers <see cref="double"/>. A syntax error or a repeated key is a <see cref="ScoringSettingsException"/>.
/// </summary>
internal sealed class MiniJson
{
    private const int MaxDepth = 32;
    private readonly string text;
    private int position;

    private MiniJson(string text)
    {
        this.text = text;
    }

    public static object? Parse(string text)
    {
        var reader = new MiniJson(text);
        var value = reader.ReadValue(0, "settings");
        reader.SkipWhitespace();
        if (reader.position != text.Length)
        {
            throw reader.Error("settings", "has text after the end of the JSON value");
        }

        return value;
    }

    private object? ReadValue(int depth, string path)
    {
        if (depth > MaxDepth)
        {
            throw Error(path, "is nested too deeply");
        }

        SkipWhitespace();
        if (position >= text.Length)
        {
            throw Error(path, "ends before its value");
        }

        var c = text[position];
        switch (c)
        {
            case '{': return ReadObject(depth, path);
            case '[': return ReadArray(depth, path);
            case '"': return ReadString(path);
            case 't': return ReadLiteral("true", true, path);
            case 'f': return ReadLiteral("false", false, path);
            case 'n': return ReadLiteral("null", null, path);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber(path);
                }

                throw Error(path, "has an unexpected character '" + c + "'");
        }
    }

    private Dictionary<string, object?> ReadObject(int depth, string path)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        position++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            position++;
            return result;
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error(path, "needs a quoted key");
            }

            var key = ReadString(path);
            var childPath = path == "settings" ? key : path + "." + key;
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error(childPath, "needs a ':' after its key");
            }

            position++;
            var value = ReadValue(depth + 1, childPath);
            if (result.ContainsKey(key))
            {
                throw new ScoringSettingsException(childPath, "is given twice; give each setting once.");
            }

            result.Add(key, value);
            SkipWhitespace();
            var next = Peek();
            position++;
            if (next == '}')
            {
                return result;
            }

            if (next != ',')
            {
                throw Error(path, "needs ',' or '}' after a value");
            }
        }
    }

    private List<object?> ReadArray(int depth, string path)
    {
        var result = new List<object?>();
        position++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            position++;
            return result;
        }

        while (true)
        {
            result.Add(ReadValue(depth + 1, path));
            SkipWhitespace();
            var next = Peek();
            position++;
            if (next == ']')
            {
                return result;
            }

            if (next != ',')
            {
                throw Error(path, "needs ',' or ']' after a value");
            }
        }
    }

    private string ReadString(string path)
    {
        position++;
        var builder = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Error(path, "has a control character inside a string");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (position >= text.Length)
            {
                break;
            }

            var escape = text[position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (position + 4 > text.Length
                        || !int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error(path, "has a bad \\u escape");
                    }

                    builder.Append((char)code);
                    position += 4;
                    break;
                default:
                    throw Error(path, "has an unknown escape '\\" + escape + "'");
            }
        }

        throw Error(path, "has a string that is never closed");
    }

    private double ReadNumber(string path)
    {
        var start = position;
        while (position < text.Length && "+-0123456789.eE".IndexOf(text[position]) >= 0)
        {
            position++;
        }

        var token = text.Substring(start, position - start);
        if (!double.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            throw Error(path, "has a malformed number '" + token + "'");
        }

        return number;
    }

    private object? ReadLiteral(string literal, object? value, string path)
    {
        if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
        {
            throw Error(path, "has an unexpected word");
        }

        position += literal.Length;
        return value;
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private void SkipWhitespace()
    {
        while (position < text.Length && (text[position] == ' ' || text[position] == '\t' || text[position] == '\n' || text[position] == '\r'))
        {
            position++;
        }
    }

    private ScoringSettingsException Error(string path, string problem) =>
        new ScoringSettingsException(path, problem + " (character " + (position + 1).ToString(CultureInfo.InvariantCulture) + "): the settings are not valid JSON.");
}
