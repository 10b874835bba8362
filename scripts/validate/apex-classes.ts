/**
 * The project's Apex classes as declarations: each class's (and inner class's) field, property and
 * method types, and the static query a method returns, for typing expressions that use them. Types
 * are the declared ones (`List<Lead>`, `Map<Id, Lead_SLA__c>`), lower-cased as Apex names are
 * case-insensitive.
 */
import {
    child,
    childNodes,
    children,
    identifier,
    identifiers,
    kindOf,
    type ApexNode,
    type ParsedApex
} from './apex-syntax.ts';

/** A declared type: lower-cased name without `Schema.`/`System.`, with its type arguments. */
export interface TypeRef {
    name: string;
    args: TypeRef[];
}

export interface MethodInfo {
    returns?: TypeRef;
    /** The SOQL expression the method returns, when its only return statement returns one. */
    returnedQuery?: ApexNode;
}

export interface ClassInfo {
    /** Lower-cased qualified name (`outer.inner` for an inner class). */
    name: string;
    file: string;
    outer?: ClassInfo;
    fields: Map<string, TypeRef>;
    methods: Map<string, MethodInfo[]>;
    inner: Map<string, ClassInfo>;
}

const SYSTEM_PREFIXES = new Set(['schema', 'system']);

export function typeRef(node: ApexNode | undefined): TypeRef | undefined {
    if (!node) {
        return undefined;
    }
    if (kindOf(node) === 'TypeRefs$ArrayTypeRef') {
        const held = typeRef(child(node, 'heldType'));
        return held ? { name: 'list', args: [held] } : undefined;
    }
    if (kindOf(node) !== 'TypeRefs$ClassTypeRef') {
        return undefined;
    }
    const names = identifiers(node, 'names').map(({ value }) => value.toLowerCase());
    if (names.length > 1 && SYSTEM_PREFIXES.has(names[0] ?? '')) {
        names.shift();
    }
    const args = children(node, 'typeArguments').map((argument) => typeRef(argument) ?? { name: '?', args: [] });
    return { name: names.join('.'), args };
}

/** Classes (and inner classes) of the project by lower-cased qualified name, with member types. */
export function indexClasses(sources: ParsedApex[]): Map<string, ClassInfo> {
    const classes = new Map<string, ClassInfo>();
    const index = (declaration: ApexNode, outer: ClassInfo | undefined, file: string): ClassInfo | undefined => {
        const name = identifier(child(declaration, 'name'))?.value.toLowerCase();
        if (!name) {
            return undefined;
        }
        const info: ClassInfo = {
            name: outer ? `${outer.name}.${name}` : name,
            file,
            ...(outer ? { outer } : {}),
            fields: new Map(),
            methods: new Map(),
            inner: new Map()
        };
        classes.set(info.name, info);
        for (const member of children(declaration, 'members')) {
            switch (kindOf(member)) {
                case 'BlockMember$FieldMember': {
                    const declarations = child(member, 'variableDecls');
                    const type = declarations && typeRef(child(declarations, 'type'));
                    for (const variable of declarations ? children(declarations, 'decls') : []) {
                        const field = identifier(child(variable, 'name'))?.value.toLowerCase();
                        if (field && type) info.fields.set(field, type);
                    }
                    break;
                }
                case 'BlockMember$PropertyMember': {
                    const property = child(member, 'propertyDecl');
                    const field = property && identifier(child(property, 'name'))?.value.toLowerCase();
                    const type = property && typeRef(child(property, 'type'));
                    if (field && type) info.fields.set(field, type);
                    break;
                }
                case 'BlockMember$MethodMember': {
                    const method = child(member, 'methodDecl');
                    const methodName = method && identifier(child(method, 'name'))?.value.toLowerCase();
                    if (method && methodName) {
                        const overloads = info.methods.get(methodName) ?? [];
                        overloads.push(methodInfo(method));
                        info.methods.set(methodName, overloads);
                    }
                    break;
                }
                case 'BlockMember$InnerClassMember': {
                    const body = child(member, 'body');
                    const inner = body && index(body, info, file);
                    if (inner) info.inner.set(inner.name.split('.').at(-1) ?? '', inner);
                    break;
                }
                default:
                    break;
            }
        }
        return info;
    };
    for (const { unit, relative } of sources) {
        const body = child(unit, 'body');
        if (kindOf(unit) === 'CompilationUnit$ClassDeclUnit' && body) {
            index(body, undefined, relative);
        }
    }
    return classes;
}

function methodInfo(method: ApexNode): MethodInfo {
    const info: MethodInfo = {};
    const returns = typeRef(child(method, 'type'));
    if (returns && returns.name !== 'void') {
        info.returns = returns;
    }
    const body = child(method, 'stmnt');
    const returnStatements = body ? findNodes(body, 'Stmnt$ReturnStmnt') : [];
    const [only] = returnStatements;
    if (returnStatements.length === 1 && only) {
        const returned = child(only, 'expr');
        const query = returned && queryInside(returned);
        if (query) {
            info.returnedQuery = query;
        }
    }
    return info;
}

/** The SOQL expression an expression is, or wraps as `new Map<…>([SELECT …])` / `new List<…>([SELECT …])`. */
function queryInside(expression: ApexNode): ApexNode | undefined {
    if (kindOf(expression) === 'Expr$SoqlExpr') {
        return expression;
    }
    const creator = kindOf(expression) === 'Expr$NewExpr' ? child(expression, 'creator') : undefined;
    const argument =
        creator && /^NewObject\$New(Map|List|Set)Init$/.test(kindOf(creator)) ? child(creator, 'expr') : undefined;
    return argument && kindOf(argument) === 'Expr$SoqlExpr' ? argument : undefined;
}

/** Nodes of a kind under `node`, not looking into nested class declarations. */
function findNodes(node: ApexNode, kind: string): ApexNode[] {
    const found: ApexNode[] = [];
    for (const next of childNodes(node)) {
        if (kindOf(next) === kind) {
            found.push(next);
        } else if (kindOf(next) !== 'ClassDecl') {
            found.push(...findNodes(next, kind));
        }
    }
    return found;
}
