// Application command registration: bulk overwrite (PUT), create (POST) and list (GET), globally and
// per guild. Each command is checked against Discord's ApplicationCommandCreateRequestSchema.
import * as spec from 'discord-api-spec/zod';
import { problemsFromZod, invalidFormBody, unknownApplication, type FieldProblem, type ZodIssueLike } from './discordErrors.ts';
import type { RestRequest, RestResponse, RestRoute } from './restRouter.ts';
import { nextSnowflake } from './snowflake.ts';

export interface RegisteredOption {
  type: number;
  name: string;
  required?: boolean;
  autocomplete?: boolean;
  options?: RegisteredOption[];
  choices?: { name: string; value: string | number }[];
}

export interface RegisteredCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  version: string;
  type: number;
  name: string;
  description: string;
  default_member_permissions: string | null;
  options?: RegisteredOption[];
  [field: string]: unknown;
}

const GLOBAL = 'global';

export class CommandRegistry {
  /** Commands by scope: 'global' or a guild id. */
  readonly #byScope = new Map<string, RegisteredCommand[]>();

  constructor(private readonly applicationId: string) {}

  /** The command a member would see under `name` in a guild: a guild command wins over a global one. */
  find(name: string, guildId?: string): RegisteredCommand | undefined {
    const inGuild = guildId === undefined ? undefined : this.#byScope.get(guildId)?.find((command) => command.name === name);
    return inGuild ?? this.#byScope.get(GLOBAL)?.find((command) => command.name === name);
  }

  list(guildId?: string): RegisteredCommand[] {
    return this.#byScope.get(guildId ?? GLOBAL) ?? [];
  }

  routes(): RestRoute[] {
    const scopeOf = (request: RestRequest) => request.params.guild ?? GLOBAL;
    const routes: RestRoute[] = [];
    for (const base of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
      routes.push(
        {
          method: 'GET',
          pattern: base,
          auth: true,
          handle: (request) => this.#withApp(request, () => ({ status: 200, body: this.#byScope.get(scopeOf(request)) ?? [] })),
        },
        {
          method: 'PUT',
          pattern: base,
          auth: true,
          handle: (request) => this.#withApp(request, () => this.#overwrite(scopeOf(request), request.body)),
        },
        {
          method: 'POST',
          pattern: base,
          auth: true,
          handle: (request) => this.#withApp(request, () => this.#create(scopeOf(request), request.body)),
        },
      );
    }
    return routes;
  }

  #withApp(request: RestRequest, respond: () => RestResponse): RestResponse {
    return request.params.app === this.applicationId ? respond() : { status: 404, body: unknownApplication };
  }

  #overwrite(scope: string, body: unknown): RestResponse {
    const definitions = Array.isArray(body) ? body : [];
    const problems = definitions.flatMap((definition, index) => commandProblems(definition, [index]));
    if (!Array.isArray(body)) problems.push({ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    if (problems.length > 0) return { status: 400, body: invalidFormBody(problems) };
    const previous = this.#byScope.get(scope) ?? [];
    // Like Discord, a command that keeps its name keeps its id.
    const commands = definitions.map((definition) =>
      this.#store(scope, definition, previous.find((command) => command.name === definition.name)?.id),
    );
    this.#byScope.set(scope, commands);
    return { status: 200, body: commands };
  }

  #create(scope: string, definition: unknown): RestResponse {
    const problems = commandProblems(definition, []);
    if (problems.length > 0) return { status: 400, body: invalidFormBody(problems) };
    const others = (this.#byScope.get(scope) ?? []).filter((command) => command.name !== (definition as { name: string }).name);
    const command = this.#store(scope, definition as Record<string, unknown>);
    this.#byScope.set(scope, [...others, command]);
    return { status: 201, body: command };
  }

  #store(scope: string, definition: Record<string, unknown>, id = nextSnowflake()): RegisteredCommand {
    const permissions = definition.default_member_permissions;
    return {
      ...definition,
      id,
      application_id: this.applicationId,
      ...(scope === GLOBAL ? {} : { guild_id: scope }),
      version: nextSnowflake(),
      type: typeof definition.type === 'number' ? definition.type : 1,
      name: String(definition.name),
      description: String(definition.description ?? ''),
      default_member_permissions: permissions === undefined || permissions === null ? null : String(permissions),
      nsfw: false,
      integration_types: definition.integration_types ?? [0],
      contexts: definition.contexts ?? null,
    };
  }
}

function commandProblems(definition: unknown, at: (string | number)[]): FieldProblem[] {
  // discord.js sends default_member_permissions as a decimal string, which Discord accepts;
  // the OpenAPI spec says integer, so compare the number it stands for.
  const normalised =
    definition !== null &&
    typeof definition === 'object' &&
    typeof (definition as Record<string, unknown>).default_member_permissions === 'string'
      ? { ...definition, default_member_permissions: Number((definition as Record<string, unknown>).default_member_permissions) }
      : definition;
  const parsed = spec.ApplicationCommandCreateRequestSchema.safeParse(normalised);
  return parsed.success ? [] : problemsFromZod(parsed.error.issues as unknown as ZodIssueLike[], normalised, at);
}
