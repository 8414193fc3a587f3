package nl.wijkopmaat.notification;

enum Platform { ANDROID, IOS, WEB }
