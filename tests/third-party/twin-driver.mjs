// Starts discord-digital-twin on a free loopback port and lets a test drive it over stdin/stdout, one JSON
// object a line: the first line out is {"event":"started", ...ids}; each line in is {"id","op",...args} and is
// answered with {"id","result"} or {"id","error"}. Closing stdin stops the twin, so a dying test leaves nothing behind.
import http from 'node:http'
import readline from 'node:readline'
import { ChannelType } from 'discord-api-types/v10'
import { DigitalDiscord } from 'discord-digital-twin'

// The twin listens on port 0 of every interface; a test server has no business outside loopback, so its one
// listen call is pinned to 127.0.0.1 (the port stays the free one the OS picks).
const listen = http.Server.prototype.listen
http.Server.prototype.listen = function (port, ...rest) {
  return typeof rest[0] === 'function' ? listen.call(this, port, '127.0.0.1', ...rest) : listen.call(this, port, ...rest)
}

const botToken = process.env.TWIN_BOT_TOKEN ?? 'twin-bot-token'
const discord = new DigitalDiscord({
  botToken,
  channels: [{ name: 'general', type: ChannelType.GuildText }],
  users: [{ username: 'TestUser' }],
})

const write = (value) => process.stdout.write(JSON.stringify(value) + '\n')

const ops = {
  // Sends INTERACTION_CREATE for a chat-input command through the twin's gateway.
  slashCommand: ({ channelId, userId, name, options }) =>
    discord.simulateSlashCommand({ channelId, userId, name, options }),
  // The twin's record of an interaction's callback (null until the bot answers).
  interactionResponse: ({ interactionId }) =>
    discord.prisma.interactionResponse.findUnique({ where: { interactionId } }),
  // The commands the bot registered, global (guildId null) and per guild, as the twin stored them.
  commands: () => discord.prisma.applicationCommand.findMany({ orderBy: { name: 'asc' } }),
  // Gateway sessions and whether each identified. The twin has no public accessor for them, so this reads its
  // private server field: a test must see that the bot's IDENTIFY was accepted, not only that a socket opened.
  gatewayClients: () => discord['server'].gateway.clients.map((c) => ({ identified: c.identified, intents: c.intents })),
}

async function main() {
  await discord.start()
  const channel = await discord.prisma.channel.findFirstOrThrow({ where: { type: ChannelType.GuildText } })
  write({
    event: 'started',
    restUrl: discord.restUrl + '/v10',
    gatewayUrl: discord.gatewayUrl,
    botToken,
    applicationId: discord.botUserId,
    guildId: discord.guildId,
    channelId: channel.id,
    userId: await discord.getFirstNonBotUserId(),
  })

  const lines = readline.createInterface({ input: process.stdin })
  lines.on('line', async (line) => {
    let request
    try {
      request = JSON.parse(line)
      const op = ops[request.op]
      if (!op) throw new Error(`unknown op ${request.op}`)
      write({ id: request.id, result: (await op(request)) ?? null })
    } catch (error) {
      write({ id: request?.id ?? null, error: String(error?.stack ?? error) })
    }
  })
  lines.on('close', async () => {
    await discord.stop()
    process.exit(0)
  })
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error) + '\n')
  process.exit(1)
})
