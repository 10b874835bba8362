/**
 * Every place Apex code names a field of a record, found by walking jorje's syntax trees with the
 * static types the code declares: `lead.Status`, `leads[0].Owner.Name`, `byId.get(id).Fit_Score__c`,
 * `new Lead(Company = 'Acme')`, `Lead.Rejection_Reason__c` (a field token). Variables, parameters,
 * class fields and properties, loop and catch variables are typed from their declarations; method
 * calls from the project's own method declarations and the collection methods (`get`, `values`…).
 *
 * A record (or collection of records) assigned from a static SOQL query in the same method — directly,
 * through a loop, a `new Map<Id, Lead>([SELECT …])`, or a helper of the same class that returns a
 * query — carries the query's selected fields, so a read of a field the query did not select can be
 * reported: Apex throws SObjectException for it at run time ("Working with SOQL and SOSL Query
 * Results", Apex Developer Guide: only selected fields, and Id, are returned). The tracking is
 * deliberately conservative: it stops when the record is handed to project code (which may set
 * fields), when a collection is changed, or when the variable is assigned anything but a query.
 */
import { indexClasses, typeRef, type ClassInfo, type TypeRef } from './apex-classes.ts';
import {
    child,
    childNodes,
    children,
    identifier,
    identifiers,
    kindOf,
    lineOf,
    type ApexNode,
    type Identifier,
    type ParsedApex
} from './apex-syntax.ts';
import { findField, relationshipField, type ObjectInfo, type ProjectModel } from './project-model.ts';

/** The static query a record was read by, and what it selected. */
export interface QueryOrigin {
    /** Where the query is (a helper of another class may run it). */
    file: string;
    line: number;
    /** The queried object, as the project names it. */
    object: string;
    /** Lower-cased paths the query returns, relative to its object: `status`, `owner.name`, `tasks`. */
    selected: Set<string>;
}

/** A typed value: a variable, or what an expression evaluates to. */
interface Value {
    type: TypeRef;
    /** Set when the records this value holds came from a static query of the current method. */
    origin?: QueryOrigin;
    /** Path from the queried record to this value, as written (`Owner.` after `lead.Owner`). */
    prefix: string;
    /** A SOQL expression, which Apex dereferences as its single row (`[SELECT Name FROM Account].Name`). */
    soql?: boolean;
}

type AccessMode = 'read' | 'write' | 'readwrite' | 'token';

export interface FieldAccess {
    file: string;
    line: number;
    object: ObjectInfo;
    /** The name as written (`Owner`, `Status`, `Fit_Score__c`). */
    name: string;
    mode: AccessMode;
    /** The chain goes on from here (`Owner` in `lead.Owner.Name`): a relationship step, not a leaf. */
    intermediate: boolean;
    origin?: QueryOrigin;
    /** Path from the queried record, as written (`Owner.Name`); with `origin` only. */
    path: string;
}

const AGGREGATE_FUNCTIONS = new Set(['count', 'count_distinct', 'sum', 'avg', 'min', 'max']);
/** Collection methods that change what a collection holds: its rows may no longer be the query's. */
const MUTATORS = new Set(['add', 'addall', 'put', 'putall', 'set', 'clear', 'remove', 'retainall', 'removeall']);

/** A scope's variables; a variable is a mutable Value (assignments change its origin). */
type Scope = Map<string, Value>;

/** Collects the field accesses of every parsed source. */
export function findFieldAccesses(model: ProjectModel, sources: ParsedApex[]): FieldAccess[] {
    const classes = indexClasses(sources);
    const accesses: FieldAccess[] = [];
    for (const source of sources) {
        new UnitWalker(model, classes, source, accesses).walk();
    }
    return accesses;
}

/** Walks one compilation unit, typing expressions and recording field accesses. */
class UnitWalker {
    private scopes: Scope[] = [];
    private currentClass: ClassInfo | undefined;
    /** The object of a trigger (`Trigger.new` is a list of it). */
    private triggerObject: string | undefined;

    private readonly model: ProjectModel;
    private readonly classes: Map<string, ClassInfo>;
    private readonly source: ParsedApex;
    private readonly accesses: FieldAccess[];

    constructor(model: ProjectModel, classes: Map<string, ClassInfo>, source: ParsedApex, accesses: FieldAccess[]) {
        this.model = model;
        this.classes = classes;
        this.source = source;
        this.accesses = accesses;
    }

    walk(): void {
        const unit = this.source.unit;
        const body = child(unit, 'body');
        if (kindOf(unit) === 'CompilationUnit$ClassDeclUnit' && body) {
            this.walkClass(body, undefined);
        } else if (kindOf(unit) === 'CompilationUnit$TriggerDeclUnit') {
            this.triggerObject = identifiers(unit, 'target')[0]?.value.toLowerCase();
            this.withScope(() => {
                this.walkMembers(unit);
            });
        }
    }

    private walkClass(declaration: ApexNode, outer: ClassInfo | undefined): void {
        const name = identifier(child(declaration, 'name'))?.value.toLowerCase() ?? '';
        const info = this.classes.get(outer ? `${outer.name}.${name}` : name);
        const saved = this.currentClass;
        this.currentClass = info;
        this.walkMembers(declaration);
        this.currentClass = saved;
    }

    private walkMembers(declaration: ApexNode): void {
        for (const member of children(declaration, 'members')) {
            switch (kindOf(member)) {
                case 'BlockMember$FieldMember':
                    this.withScope(() => {
                        this.generic(member);
                    });
                    break;
                case 'BlockMember$PropertyMember':
                    this.walkProperty(member);
                    break;
                case 'BlockMember$MethodMember': {
                    const method = child(member, 'methodDecl');
                    if (method) this.walkMethod(method);
                    break;
                }
                case 'BlockMember$InnerClassMember': {
                    const body = child(member, 'body');
                    if (body) this.walkClass(body, this.currentClass);
                    break;
                }
                case 'BlockMember$StmntBlockMember':
                    this.withScope(() => {
                        this.generic(member);
                    });
                    break;
                default:
                    break;
            }
        }
    }

    private walkProperty(member: ApexNode): void {
        const property = child(member, 'propertyDecl');
        const type = property && typeRef(child(property, 'type'));
        for (const accessor of property ? [child(property, 'getter'), child(property, 'setter')] : []) {
            const body = accessor && child(accessor, 'stmnt');
            if (body) {
                this.withScope((scope) => {
                    if (type) scope.set('value', { type, prefix: '' });
                    this.statement(body);
                });
            }
        }
    }

    private walkMethod(method: ApexNode): void {
        const body = child(method, 'stmnt');
        if (!body) {
            return;
        }
        this.withScope((scope) => {
            for (const parameter of children(method, 'parameters')) {
                this.define(scope, child(parameter, 'name'), typeRef(child(parameter, 'typeRef')));
            }
            this.statement(body);
        });
    }

    private withScope(body: (scope: Scope) => void): void {
        const scope: Scope = new Map();
        this.scopes.push(scope);
        try {
            body(scope);
        } finally {
            this.scopes.pop();
        }
    }

    private define(scope: Scope, name: ApexNode | undefined, type: TypeRef | undefined, value?: Value): void {
        const id = identifier(name);
        if (id && type) {
            scope.set(id.value.toLowerCase(), { type, prefix: value?.prefix ?? '', ...originOf(value) });
        }
    }

    private lookup(name: string): Value | undefined {
        const key = name.toLowerCase();
        for (let index = this.scopes.length - 1; index >= 0; index--) {
            const found = this.scopes[index]?.get(key);
            if (found) {
                return found;
            }
        }
        for (let owner = this.currentClass; owner; owner = owner.outer) {
            const type = owner.fields.get(key);
            if (type) {
                return { type, prefix: '' };
            }
        }
        return undefined;
    }

    // ------------------------------------------------------------------ statements

    private statement(node: ApexNode): void {
        switch (kindOf(node)) {
            case 'Stmnt$BlockStmnt':
                this.withScope(() => {
                    for (const statement of children(node, 'stmnts')) this.statement(statement);
                });
                break;
            case 'Stmnt$VariableDeclStmnt': {
                const declarations = child(node, 'variableDecls');
                if (declarations) this.variables(declarations);
                break;
            }
            case 'Stmnt$ForLoop':
                this.withScope((scope) => {
                    this.forLoop(node, scope);
                });
                break;
            case 'Stmnt$TryCatchFinallyBlock':
                this.tryCatch(node);
                break;
            case 'Stmnt$SwitchStmnt':
                this.switchOn(node);
                break;
            default:
                this.generic(node);
        }
    }

    private variables(declarations: ApexNode): void {
        const type = typeRef(child(declarations, 'type'));
        const scope = this.scopes.at(-1);
        for (const declaration of children(declarations, 'decls')) {
            const initial = child(declaration, 'assignment');
            const value = initial ? this.expression(initial, 'read') : undefined;
            if (scope) this.define(scope, child(declaration, 'name'), type, value);
        }
    }

    private forLoop(node: ApexNode, scope: Scope): void {
        const control = child(node, 'forControl');
        if (control && kindOf(control) === 'ForControl$EnhancedForControl') {
            const init = child(control, 'init');
            const iterated = init && child(init, 'expr');
            const collection = iterated ? this.expression(iterated, 'read') : undefined;
            const [name] = init ? children(init, 'name') : [];
            // A SOQL for loop over `List<Lead>` gets lists of rows; over `Lead`, rows.
            const type = typeRef(child(control, 'type'));
            this.define(scope, name, type, collection);
        } else if (control) {
            const inits = child(control, 'inits');
            const type = inits && typeRef(child(inits, 'type'));
            for (const init of inits ? children(inits, 'inits') : []) {
                const initial = child(init, 'expr');
                const value = initial ? this.expression(initial, 'read') : undefined;
                this.define(scope, children(init, 'name')[0], type, value);
            }
            for (const key of ['condition', 'control']) {
                const expression = child(control, key);
                if (expression) this.expression(expression, 'read');
            }
        }
        const body = child(node, 'stmnt');
        if (body) this.statement(body);
    }

    private tryCatch(node: ApexNode): void {
        const tryBlock = child(node, 'tryBlock');
        if (tryBlock) this.statement(tryBlock);
        for (const catchBlock of children(node, 'catchBlocks')) {
            this.withScope((scope) => {
                const parameter = child(catchBlock, 'parameter');
                if (parameter) this.define(scope, child(parameter, 'name'), typeRef(child(parameter, 'typeRef')));
                const body = child(catchBlock, 'stmnt');
                if (body) this.statement(body);
            });
        }
        const finallyBlock = child(node, 'finallyBlock');
        if (finallyBlock) this.statement(finallyBlock);
    }

    private switchOn(node: ApexNode): void {
        const subject = child(node, 'expr');
        if (subject) this.expression(subject, 'read');
        for (const when of children(node, 'whenBlocks')) {
            this.withScope((scope) => {
                if (kindOf(when) === 'WhenBlock$TypeWhen') {
                    this.define(scope, child(when, 'name'), typeRef(child(when, 'typeRef')));
                } else {
                    for (const whenCase of children(when, 'whenCases')) this.generic(whenCase);
                }
                const body = child(when, 'stmnt');
                if (body) this.statement(body);
            });
        }
    }

    /** Visits the expressions and statements under a node whose kind needs no special handling. */
    private generic(node: ApexNode): void {
        for (const next of childNodes(node)) {
            const kind = kindOf(next);
            if (kind.startsWith('Expr$')) {
                this.expression(next, 'read');
            } else if (kind.startsWith('Stmnt$')) {
                this.statement(next);
            } else if (kind !== 'ClassDecl') {
                this.generic(next);
            }
        }
    }

    // ------------------------------------------------------------------ expressions

    private expression(node: ApexNode, mode: AccessMode): Value | undefined {
        switch (kindOf(node)) {
            case 'Expr$VariableExpr':
                return this.chain(child(node, 'dottedExpr'), identifiers(node, 'names'), mode);
            case 'Expr$MethodCallExpr':
                return this.call(node);
            case 'Expr$ArrayExpr': {
                const list = this.operand(node, 'expr');
                const index = child(node, 'index');
                if (index) this.expression(index, 'read');
                return list ? elementOf(list) : undefined;
            }
            case 'Expr$CastExpr': {
                const value = this.operand(node, 'expr');
                const type = typeRef(child(node, 'type'));
                return type ? { type, prefix: value?.prefix ?? '', ...originOf(value) } : undefined;
            }
            case 'Expr$NestedExpr': {
                const inner = child(node, 'expr');
                return inner ? this.expression(inner, mode) : undefined;
            }
            case 'Expr$SoqlExpr':
                return this.query(node);
            case 'Expr$NewExpr': {
                const creator = child(node, 'creator');
                return creator ? this.creation(creator) : undefined;
            }
            case 'Expr$AssignmentExpr':
                return this.assignment(node);
            case 'Expr$PrefixExpr':
            case 'Expr$PostfixExpr': {
                const operator = (node.op as { $?: string } | undefined)?.$ ?? '';
                const operand = child(node, 'expr');
                if (operand) this.expression(operand, operator === 'INC' || operator === 'DEC' ? 'readwrite' : 'read');
                return undefined;
            }
            case 'Expr$TernaryExpr':
            case 'Expr$NullCoalescingExpr': {
                const condition = child(node, 'condition');
                if (condition) this.expression(condition, 'read');
                const [first, second] = ['trueExpr', 'falseExpr', 'left', 'right'].flatMap((key) => {
                    const branch = child(node, key);
                    return branch ? [this.expression(branch, 'read')] : [];
                });
                // Either branch may be the value: keep the type, not a query origin only one has.
                const type = first?.type ?? second?.type;
                return type ? { type, prefix: '' } : undefined;
            }
            case 'Expr$ThisVariableExpr':
                return this.currentClass ? { type: { name: this.currentClass.name, args: [] }, prefix: '' } : undefined;
            case 'Expr$TriggerVariableExpr':
                return this.triggerVariable(node);
            default:
                this.generic(node);
                return undefined;
        }
    }

    private operand(node: ApexNode, key: string): Value | undefined {
        const operand = child(node, key);
        return operand ? this.expression(operand, 'read') : undefined;
    }

    private triggerVariable(node: ApexNode): Value | undefined {
        const variable = typeof node.variable === 'string' ? node.variable.toLowerCase() : '';
        if (!this.triggerObject) {
            return undefined; // in a class, Trigger.new is a List<SObject>
        }
        const record: TypeRef = { name: this.triggerObject, args: [] };
        if (variable === 'new' || variable === 'old') {
            return { type: { name: 'list', args: [record] }, prefix: '' };
        }
        if (variable === 'newmap' || variable === 'oldmap') {
            return { type: { name: 'map', args: [{ name: 'id', args: [] }, record] }, prefix: '' };
        }
        return undefined;
    }

    /** `a.b.c` (or `expr.b.c`): the start resolved as a variable, a field token or a class's static field. */
    private chain(dotted: ApexNode | undefined, names: Identifier[], mode: AccessMode): Value | undefined {
        let current: Value | undefined;
        let next = 0;
        if (dotted) {
            current = this.expression(dotted, 'read');
        } else {
            const [first] = names;
            current = first ? this.lookup(first.value) : undefined;
            if (current) {
                next = 1;
            } else {
                const start = this.staticStart(names);
                if (!start) {
                    return undefined;
                }
                ({ value: current, next } = start);
            }
        }
        for (; next < names.length && current; next++) {
            const name = names[next];
            if (name)
                current = this.member(
                    current,
                    name,
                    next === names.length - 1 ? mode : 'read',
                    next < names.length - 1
                );
        }
        return current;
    }

    /**
     * A name chain that does not start with a variable: `Lead.Status` and `Schema.SObjectType.Lead.fields.Status`
     * (field tokens, checked for existence and ending the chain), or `SomeClass.STATIC_FIELD`.
     */
    private staticStart(names: Identifier[]): { value: Value | undefined; next: number } | undefined {
        const lower = names.map(({ value }) => value.toLowerCase());
        const offset = lower.length > 2 && lower[0] === 'schema' ? 1 : 0;
        if (lower[offset] === 'sobjecttype' && lower[offset + 2] === 'fields') {
            const object = this.sobject({ name: lower[offset + 1] ?? '', args: [] });
            const field = names[offset + 3];
            if (object && field) this.record(object, field, 'token', false);
            return { value: undefined, next: names.length };
        }
        const object = this.sobject({ name: lower[offset] ?? '', args: [] });
        if (object) {
            const field = names[offset + 1];
            if (field && lower[offset + 1] !== 'sobjecttype') this.record(object, field, 'token', false);
            return { value: undefined, next: names.length };
        }
        const owner = this.classNamed(lower[0] ?? '');
        const type = owner?.fields.get(lower[1] ?? '');
        return type ? { value: { type, prefix: '' }, next: 2 } : undefined;
    }

    /** A field or relationship of a record, or a field of a project class instance. */
    private member(current: Value, name: Identifier, mode: AccessMode, intermediate: boolean): Value | undefined {
        const recordType = current.soql ? (current.type.args[0] ?? current.type) : current.type;
        const object = this.sobject(recordType);
        if (object) {
            this.record(object, name, mode, intermediate, current);
            if (mode === 'write' || mode === 'readwrite') {
                current.origin?.selected.add(`${current.prefix}${name.value}`.toLowerCase());
            }
            const relationship = relationshipField(this.model, object.name, name.value);
            const [target, ...others] = relationship?.referenceTo ?? [];
            if (!findField(this.model, object.name, name.value) && target && others.length === 0) {
                return {
                    type: { name: target.toLowerCase(), args: [] },
                    prefix: `${current.prefix}${name.value}.`,
                    ...originOf(current)
                };
            }
            return undefined;
        }
        const owner = this.classNamed(current.type.name);
        const type = owner?.fields.get(name.value.toLowerCase());
        return type ? { type, prefix: '' } : undefined;
    }

    private record(object: ObjectInfo, name: Identifier, mode: AccessMode, intermediate: boolean, from?: Value): void {
        const origin = from?.origin;
        this.accesses.push({
            file: this.source.relative,
            line: name.line,
            object,
            name: name.value,
            mode,
            intermediate,
            ...(origin ? { origin } : {}),
            path: origin ? `${from.prefix}${name.value}` : name.value
        });
    }

    private call(node: ApexNode): Value | undefined {
        const names = identifiers(node, 'names');
        const method = names.at(-1)?.value.toLowerCase() ?? '';
        const receiverNames = names.slice(0, -1);
        const dotted = child(node, 'dottedExpr');
        let receiver: Value | undefined;
        let receiverClass: ClassInfo | undefined;
        if (dotted || receiverNames.length > 0) {
            const [first] = receiverNames;
            const startsWithClass =
                !dotted && receiverNames.length === 1 && first && !this.lookup(first.value)
                    ? this.classNamed(first.value.toLowerCase())
                    : undefined;
            if (startsWithClass) {
                receiverClass = startsWithClass;
            } else {
                receiver = this.chain(dotted, receiverNames, 'read');
                receiverClass = receiver ? this.classNamed(receiver.type.name) : undefined;
            }
        } else {
            receiverClass = this.methodOwner(method);
        }
        const argumentNodes = children(node, 'inputParameters');
        for (const argument of argumentNodes) this.expression(argument, 'read');
        if (receiverClass || (!dotted && receiverNames.length === 0)) {
            this.forgetOrigins(argumentNodes); // project code may set fields on what it is given
        }
        if (receiverClass) {
            return this.methodResult(receiverClass, method);
        }
        return receiver ? this.builtInResult(receiver, method) : undefined;
    }

    /** What a project method returns: its declared type, or the rows of the query it returns. */
    private methodResult(owner: ClassInfo, method: string): Value | undefined {
        const overloads = owner.methods.get(method) ?? [];
        const [only] = overloads;
        if (overloads.length !== 1 || !only?.returns) {
            return undefined;
        }
        const query = only.returnedQuery ? this.query(only.returnedQuery, owner.file) : undefined;
        return { type: only.returns, prefix: '', ...originOf(query) };
    }

    /** Collection and record methods whose result is typed by their receiver. */
    private builtInResult(receiver: Value, method: string): Value | undefined {
        const [first, second] = receiver.type.args;
        const keep = (type: TypeRef | undefined): Value | undefined =>
            type ? { type, prefix: receiver.prefix, ...originOf(receiver) } : undefined;
        if (MUTATORS.has(method)) {
            receiver.origin = undefined;
        }
        switch (receiver.type.name) {
            case 'list':
                return method === 'get' || method === 'remove'
                    ? keep(first)
                    : method.endsWith('clone')
                      ? keep(receiver.type)
                      : undefined;
            case 'map':
                if (method === 'get' || method === 'remove') return keep(second);
                if (method === 'values') return keep(second ? { name: 'list', args: [second] } : undefined);
                return undefined;
            default:
                return this.sobject(receiver.type) && method === 'clone' ? keep(receiver.type) : undefined;
        }
    }

    private forgetOrigins(argumentNodes: ApexNode[]): void {
        for (const argument of argumentNodes) {
            if (kindOf(argument) === 'Expr$VariableExpr' && !child(argument, 'dottedExpr')) {
                const [name, ...rest] = identifiers(argument, 'names');
                const variable = name && rest.length === 0 ? this.lookup(name.value) : undefined;
                if (variable) variable.origin = undefined;
            }
        }
    }

    /** The class declaring a method called without a receiver: the current class or an outer one. */
    private methodOwner(method: string): ClassInfo | undefined {
        for (let owner = this.currentClass; owner; owner = owner.outer) {
            if (owner.methods.has(method)) {
                return owner;
            }
        }
        return undefined;
    }

    /** A class named from the current class: an inner class of it (or of an outer one), or a top-level class. */
    private classNamed(name: string): ClassInfo | undefined {
        for (let owner = this.currentClass; owner; owner = owner.outer) {
            const inner = owner.inner.get(name);
            if (inner) {
                return inner;
            }
        }
        return this.classes.get(name);
    }

    private assignment(node: ApexNode): Value | undefined {
        const operator = (node.op as { $?: string } | undefined)?.$ ?? 'EQUALS';
        const right = this.operand(node, 'right');
        const left = child(node, 'left');
        const names =
            left && kindOf(left) === 'Expr$VariableExpr' && !child(left, 'dottedExpr')
                ? identifiers(left, 'names')
                : [];
        const [only] = names;
        const variable = names.length === 1 && only ? this.lookup(only.value) : undefined;
        if (variable) {
            variable.origin = operator === 'EQUALS' ? right?.origin : undefined;
            variable.prefix = right?.prefix ?? '';
        } else if (left) {
            this.expression(left, operator === 'EQUALS' ? 'write' : 'readwrite');
        }
        return right;
    }

    private creation(creator: ApexNode): Value | undefined {
        const kind = kindOf(creator);
        const [firstType, secondType] = children(creator, 'types').map((node) => typeRef(node));
        const argument = child(creator, 'expr');
        const from = argument ? this.expression(argument, 'read') : undefined;
        switch (kind) {
            case 'NewObject$NewKeyValue': {
                const type = typeRef(child(creator, 'type'));
                const object = type && this.sobject(type);
                for (const pair of children(creator, 'keyValues')) {
                    const value = child(pair, 'value');
                    if (value) this.expression(value, 'read');
                    const name = identifier(child(pair, 'name'));
                    if (object && name) this.record(object, name, 'write', false);
                }
                return type ? { type, prefix: '' } : undefined;
            }
            case 'NewObject$NewStandard': {
                const type = typeRef(child(creator, 'type'));
                const argumentNodes = children(creator, 'inputParameters');
                for (const node of argumentNodes) this.expression(node, 'read');
                if (type && this.classNamed(type.name)) this.forgetOrigins(argumentNodes);
                return type ? { type, prefix: '' } : undefined;
            }
            case 'NewObject$NewListInit':
            case 'NewObject$NewSetInit':
            case 'NewObject$NewListLiteral':
            case 'NewObject$NewSetLiteral': {
                for (const value of children(creator, 'values')) this.expression(value, 'read');
                const name = kind.includes('Set') ? 'set' : 'list';
                return firstType ? { type: { name, args: [firstType] }, prefix: '', ...originOf(from) } : undefined;
            }
            case 'NewObject$NewMapInit':
            case 'NewObject$NewMapLiteral':
                this.generic(creator);
                return firstType && secondType
                    ? { type: { name: 'map', args: [firstType, secondType] }, prefix: '', ...originOf(from) }
                    : undefined;
            default:
                this.generic(creator);
                return undefined;
        }
    }

    /**
     * A static SOQL expression: its rows carry what it selected. Its bind expressions are visited
     * when it is evaluated where it is written (not when a call runs a helper's query, `file` given).
     */
    private query(node: ApexNode, file?: string): Value | undefined {
        const query = child(node, 'query');
        if (!query) {
            return undefined;
        }
        if (file === undefined) {
            this.visitBinds(query);
        }
        const { objectName, alias } = fromClause(query);
        const select = child(query, 'select');
        if (!objectName || !select) {
            return undefined;
        }
        if (kindOf(select) === 'soql.SelectClause$SelectCountClause') {
            return { type: { name: 'integer', args: [] }, prefix: '' };
        }
        const selected = selectedPaths(select, alias);
        const object = this.sobject({ name: objectName.toLowerCase(), args: [] });
        const type: TypeRef = {
            name: 'list',
            args: [{ name: selected === 'aggregate' ? 'aggregateresult' : objectName.toLowerCase(), args: [] }]
        };
        const origin =
            object && selected instanceof Set
                ? { origin: { file: file ?? this.source.relative, line: lineOf(node), object: object.name, selected } }
                : {};
        return { type, prefix: '', soql: true, ...origin };
    }

    /** Apex expressions inside a query (`:leadIds`, `:lead.OwnerId`). */
    private visitBinds(node: ApexNode): void {
        for (const next of childNodes(node)) {
            if (kindOf(next).startsWith('Expr$')) {
                this.expression(next, 'read');
            } else {
                this.visitBinds(next);
            }
        }
    }

    private sobject(type: TypeRef): ObjectInfo | undefined {
        return type.args.length === 0 ? this.model.objects.get(type.name) : undefined;
    }
}

function originOf(value: Value | undefined): { origin?: QueryOrigin } {
    return value?.origin ? { origin: value.origin } : {};
}

function elementOf(value: Value): Value | undefined {
    const [element] = value.type.args;
    if ((value.type.name !== 'list' && value.type.name !== 'set') || !element) {
        return undefined;
    }
    return { type: element, prefix: value.prefix, ...originOf(value) };
}

/**
 * The lower-cased paths a SELECT clause returns (`owner.name`, child relationship names of
 * subqueries), `aggregate` for an aggregate query, or undefined when it cannot be known (TYPEOF,
 * FIELDS(…)).
 */
function selectedPaths(select: ApexNode, alias: string | undefined): Set<string> | 'aggregate' | undefined {
    const selected = new Set<string>(['id']);
    for (const expression of children(select, 'exprs')) {
        switch (kindOf(expression)) {
            case 'soql.SelectExpr$SelectColumnExpr': {
                const field = child(expression, 'field');
                // toLabel(Status), COUNT(Id): the function's name is a plain string in jorje's tree.
                const wrapper = field?.function1 as { value?: unknown } | undefined;
                const fn = typeof wrapper?.value === 'string' ? wrapper.value.toLowerCase() : undefined;
                if (fn && AGGREGATE_FUNCTIONS.has(fn)) {
                    return 'aggregate';
                }
                if (fn === 'fields') {
                    return undefined;
                }
                const path = field ? fieldPath(child(field, 'field')) : [];
                if (alias && path.length > 1 && path[0] === alias) {
                    path.shift();
                }
                selected.add(path.join('.'));
                break;
            }
            case 'soql.SelectExpr$SelectInnerQuery': {
                const inner = child(expression, 'query');
                const name = inner && fromClause(inner).objectName?.toLowerCase();
                if (name) selected.add(name);
                break;
            }
            default:
                return undefined;
        }
    }
    return selected;
}

/** The FROM object (a child relationship name in a subquery) and its alias, as written. */
function fromClause(query: ApexNode): { objectName?: string; alias?: string } {
    const from = children(child(query, 'from') ?? {}, 'exprs')[0];
    const table = from && child(from, 'table');
    const objectName = table ? identifier(child(table, 'field'))?.value : undefined;
    const alias = from ? identifier(child(from, 'alias'))?.value.toLowerCase() : undefined;
    return { ...(objectName ? { objectName } : {}), ...(alias ? { alias } : {}) };
}

/**
 * Child relationships the project's static queries name in subqueries, per queried object (lower-cased):
 * `(SELECT Id FROM QueueSobjects)` in a query on Group makes `QueueSobjects` a known name on Group.
 * Standard objects' child relationships are not in standard-fields.json; the queries that compile
 * in an org name real ones.
 */
export function subqueriedRelationships(sources: ParsedApex[]): Map<string, Set<string>> {
    const found = new Map<string, Set<string>>();
    const visit = (node: ApexNode): void => {
        if (kindOf(node) === 'soql.Query') {
            const objectName = fromClause(node).objectName?.toLowerCase();
            for (const expression of children(child(node, 'select') ?? {}, 'exprs')) {
                const inner =
                    kindOf(expression) === 'soql.SelectExpr$SelectInnerQuery' ? child(expression, 'query') : undefined;
                const name = inner && fromClause(inner).objectName?.toLowerCase();
                if (objectName && name) {
                    found.set(objectName, (found.get(objectName) ?? new Set()).add(name));
                }
            }
        }
        childNodes(node).forEach(visit);
    };
    sources.forEach(({ unit }) => {
        visit(unit);
    });
    return found;
}

/** `Owner.Name` from jorje's nested FieldIdentifier (entity chain, then field), lower-cased. */
function fieldPath(node: ApexNode | undefined): string[] {
    if (!node) {
        return [];
    }
    const entity = child(node, 'entity');
    const name = identifier(child(node, 'field'))?.value.toLowerCase();
    return [...fieldPath(entity), ...(name ? [name] : [])];
}
