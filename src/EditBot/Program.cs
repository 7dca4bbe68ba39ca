return await EditBot.Hosting.EditBotApp.RunAsync(args);
