#!/usr/bin/env python3
"""Turns one of Stone's generated CPU AIR definitions into a Cairn layout description (.air).

Usage: extract_stone_air.py cpu_air_definitionN.h cpu_air_definitionN.inl LAYOUT > LAYOUT.air

The description lists, in Stone's order, the mask (the OODS neighbours), the point powers and shifts that
the domains use, the domains, the shared sub-expressions and every constraint with its coefficient index,
numerator and denominator. Cairn's AirDescription parses it; nothing here is compiled into the product.
"""
import re
import sys

h_text = open(sys.argv[1]).read()
inl = open(sys.argv[2]).read()
layout = sys.argv[3]


def const(name):
    m = re.search(r'static constexpr [\w<>]+ ' + name + r' = ([^;]+);', h_text)
    return m.group(1).strip() if m else None


def clean(expr):
    e = re.sub(r'\s+', ' ', expr).strip()
    e = re.sub(r'FieldElementT::ConstexprFromBigInt\(\s*(0x[0-9a-fA-F]+)_Z\)', r'\1', e)
    e = e.replace('FieldElementT::One()', '1').replace('FieldElementT::Zero()', '0')
    for _ in range(3):  # member access, possibly parenthesised: ((a_).b).c -> a_b_c_
        e = re.sub(r'\((\w+_)\)\.', r'\1.', e)
        e = re.sub(r'\b(\w+_)\.(\w+)\b', r'\1\2_', e)
    e = re.sub(r'point_powers\[(\d+)\]', r'point_pow\1', e)
    e = re.sub(r'shifts\[(\d+)\]', r'shift\1', e)
    if re.search(r'[A-Z:\[\]]', e.replace('0x', '')) and not re.fullmatch(r'[\w\s()+*/^.-]+', e):
        raise SystemExit('unhandled C++ in expression: ' + e)
    return e


def exponent(cpp):
    """SafeDiv((15) * (trace_length_), 16) -> '15*T/16'; (trace_length_) - (1) -> 'T-1'."""
    s = re.sub(r'\s+', '', cpp)
    s = s.replace('uint64_t', '').replace('trace_length_', 'T').replace('SafeDiv', 'div')
    m = re.fullmatch(r'\(?div\((?:\((\d+)\)\*)?\(?T\)?,(\d+)\)\)?', s)
    if m:
        return f"{m.group(1) or 1}*T/{m.group(2)}"
    m = re.fullmatch(r'\(?\(T\)-\((\d+)\)\)?', s)
    if m:
        return f"1*T/1-{m.group(1)}"
    m = re.fullmatch(r'\(?\(?T\)?\)?', s)
    if m:
        return "1*T/1"
    raise SystemExit('unhandled exponent: ' + cpp)


def split_args(s):
    out, depth, cur = [], 0, ''
    for ch in s:
        if ch == '(':
            depth += 1
        elif ch == ')':
            depth -= 1
        if ch == ',' and depth == 0:
            out.append(cur)
            cur = ''
        else:
            cur += ch
    if cur.strip():
        out.append(cur)
    return out


out = []
out.append(f'# Cairn AIR description: layout {layout}.')
out.append('# Extracted by prover/tools/extract_stone_air.py from starkware-libs/stone-prover')
out.append('# src/starkware/air/cpu/board/' + sys.argv[2].split('/')[-1] + ' (Apache-2.0): Stone\'s constraint set.')
out.append(f'layout {layout}')
out.append(f'layout_code {const("kLayoutCode").replace("_Z", "")}')
out.append(f'columns {const("kNumColumnsFirst")} {const("kNumColumnsSecond")}')
out.append(f'constraint_degree {const("kConstraintDegree")}')
out.append(f'public_memory_step {const("kPublicMemoryStep")}')
m = re.search(r'kSegmentNames = \{([^}]*)\}', h_text)
out.append('segments ' + ' '.join(re.findall(r'"(\w+)"', m.group(1))))
for name in ['kPedersenBuiltinRatio', 'kPedersenBuiltinRepetitions', 'kRangeCheckBuiltinRatio', 'kRangeCheckNParts',
             'kEcdsaBuiltinRatio', 'kEcdsaBuiltinRepetitions', 'kEcdsaElementBits', 'kEcdsaElementHeight',
             'kBitwiseRatio', 'kDilutedSpacing', 'kDilutedNBits', 'kHasDilutedPool']:
    v = const(name)
    if v is not None:
        out.append(f'param {name} {v}')
m = re.search(r'InteractionParams interaction_params\{kNumColumnsFirst, kNumColumnsSecond, (\d+)\}', h_text)
out.append(f'interaction_elements {m.group(1)}')

# Periodic columns, in enum order, with the name the constraints use; constant ones with their values and step.
m = re.search(r'enum PeriodicColumns \{([^}]*)\}', h_text)
expr_names = dict((k, v) for v, k in re.findall(
    r'const FieldElementT& (\w+) =\s*periodic_columns\[k(\w+)PeriodicColumn\];', inl))
auto_steps = dict(re.findall(
    r'k(\w+)PeriodicColumnData, gen, FieldElementT::One\(\),\s*this->trace_length_, (\d+)\)', inl))
for p in re.findall(r'k(\w+)PeriodicColumn\b', m.group(1)):
    line = f'periodic {p} {expr_names[p]}'
    if p in auto_steps:
        data = re.search(r'k' + p + r'PeriodicColumnData = \{(.*?)\};', h_text, re.S).group(1)
        values = [v or '0x0' for v in re.findall(
            r'ConstexprFromBigInt\(\s*(0x[0-9a-fA-F]+)_Z\)|FieldElementT::Zero\(\)', data)]
        size = int(re.search(r'std::array<FieldElementT, (\d+)>\s*k' + p + r'PeriodicColumnData', h_text).group(1))
        assert len(values) == size, (p, len(values), size)
        line += f' step {auto_steps[p]} values ' + ' '.join(values)
    out.append(line)

# Point exponents and shifts.
body = inl[inl.index('::CreateCompositionPolynomial('):]
pe = re.search(r'point_exponents = \{(.*?)\};', body, re.S).group(1)
for i, a in enumerate(split_args(pe)):
    out.append(f'point_power {i + 1} {exponent(a)}')
ge = re.search(r'gen_exponents = \{(.*?)\};', body, re.S)
if ge:
    for i, a in enumerate(split_args(ge.group(1))):
        out.append(f'shift {i} {exponent(a)}')

# Mask.
gm = inl[inl.index('::GetMask() const'):]
gm = gm[:gm.index('return mask;')]
for row, col in re.findall(r'mask\.emplace_back\((-?\d+), k(\w+)Column\);', gm):
    c = re.fullmatch(r'Column(\d+)(Inter1)?', col)
    name = f'column{c.group(1)}' + ('_inter1' if c.group(2) else '') + f'_row{row}'
    out.append(f'mask {c.group(1)} {row} {name}')

# Domains evaluated from point powers.
de = inl[inl.index('::DomainEvalsAtPoint('):]
de = de[:de.index('return {')]
for name, expr in re.findall(r'const FieldElementT& (domain\d+) =\s*(.*?);', de, re.S):
    out.append(f'let {name} = {clean(expr)}')

# ConstraintsEval: inline domains, shared sub-expressions, constraints.
ce = inl[inl.index('::ConstraintsEval('):]
ce = ce[:ce.index('\n}\n')]
for name, expr in re.findall(r'const FieldElementT& (domain\d+) = (\(point\).*?);', ce, re.S):
    out.append(f'let {name} = {clean(expr)}')
pre = ce[:ce.index('FractionFieldElement<FieldElementT> res')]
for name, expr in re.findall(r'const FieldElementT (\w+) =\s*(.*?);', pre, re.S):
    out.append(f'let {name} = {clean(expr)}')
post = ce[ce.index('FractionFieldElement<FieldElementT> res'):]
constraints = []
for den_block in re.split(r'// Compute a sum of constraints with denominator = ', post)[1:]:
    den = re.match(r'(\w+)\.', den_block).group(1)
    for num_block in re.split(r'// Compute a sum of constraints with numerator = ', den_block)[1:]:
        num = re.match(r'([\w:()]+)\.\n', num_block).group(1)
        num = '1' if num == 'FieldElementT::One()' else num
        for cname, expr, idx in re.findall(
                r'// Constraint expression for\s*(?://\s*)?([\w/]+):\s*const FieldElementT constraint =\s*(.*?);\s*'
                r'inner_sum \+= random_coefficients\[(\d+)\] \* constraint;', num_block, re.S):
            constraints.append((int(idx), cname, clean(expr), num, den))
constraints.sort()
assert [c[0] for c in constraints] == list(range(len(constraints))), 'constraint indices are not 0..n-1'
for idx, cname, expr, num, den in constraints:
    out.append(f'constraint {idx} {cname} | {num} | {den} | {expr}')
print('\n'.join(out))
