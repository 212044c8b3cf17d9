throw new Error('boom from the throwing config');
